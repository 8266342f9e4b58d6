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

/** Grows the kernel's memory (in 64 KiB pages) to hold at least `bytes`. */
export function reserve(kernel: KernelExports, bytes: number): void {
  const have = kernel.memory.buffer.byteLength;
  if (bytes > have) kernel.memory.grow(Math.ceil((bytes - have) / 65536));
}
