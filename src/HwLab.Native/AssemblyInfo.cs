using System.Runtime.CompilerServices;

// Every native signature is blittable; the runtime marshals nothing behind our back.
[assembly: DisableRuntimeMarshalling]
