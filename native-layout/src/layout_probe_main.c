/* layout-probe: prints the layout probe's JSON, for people and for C tooling. */
#include "hwlab_native.h"

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int32_t needed = hwlab_layout_probe_json(NULL, 0);
    char *buffer = malloc((size_t)needed);
    if (buffer == NULL) {
        return 1;
    }
    hwlab_layout_probe_json(buffer, needed);
    fputs(buffer, stdout);
    free(buffer);
    return 0;
}
