/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine tests only:
 * never shipped. Go >= 1.22 programs load ProcessPrng from it at start and
 * stop with "bcryptprimitives.dll not found" on Debian's Wine 8, which lacks
 * it; Windows 10 and later have it. It fills the buffer from RtlGenRandom
 * (SystemFunction036 in advapi32), in chunks since that takes a ULONG length.
 *
 * scripts/wine-test.sh builds it into each test prefix's system32:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
