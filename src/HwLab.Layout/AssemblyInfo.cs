using System.Runtime.CompilerServices;

// Function pointers into libhwlab_native take and return only blittable values.
[assembly: DisableRuntimeMarshalling]
