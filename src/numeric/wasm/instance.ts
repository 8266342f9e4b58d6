/*
 * What the WASM kernels (gemmSimd.ts, expSimd.ts) share: the module compiled from its committed bytes on first use,
 * and a linear memory that grows on demand and is kept for later calls.
 */

/** The exports every kernel module has. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
}

/** A getter of the exports of the module in `base64`, compiled and instantiated on its first call. */
export function lazyKernel<T extends KernelExports>(base64: string): () => T {
  let cached: T | undefined;
  return () => {
    cached ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64')), {})
      .exports as unknown as T;
    return cached;
  };
}

/** Grows the kernel's memory (in 64 KiB pages) to hold at least `bytes`; says how much when it cannot. */
export function reserve(kernel: KernelExports, bytes: number): void {
  const have = kernel.memory.buffer.byteLength;
  if (bytes <= have) return;
  try {
    kernel.memory.grow(Math.ceil((bytes - have) / 65536));
  } catch (e) {
    const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
    throw new RangeError(
      `a WASM kernel needs ${mib(bytes)} of memory and has ${mib(have)}; it could not grow ` +
        `(a WebAssembly memory holds at most 4 GiB): ${(e as Error).message}`,
    );
  }
}
