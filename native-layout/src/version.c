#include "hwlab_native.h"

int32_t hwlab_native_abi_version(void)
{
    return HWLAB_NATIVE_ABI_VERSION;
}

const char *hwlab_native_version(void)
{
    return HWLAB_NATIVE_VERSION_STRING;
}
