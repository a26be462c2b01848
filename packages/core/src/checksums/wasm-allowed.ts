/** The smallest valid WebAssembly module: the magic number and version 1, nothing else. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let allowed: Promise<boolean> | undefined;

/**
 * Whether this realm (page, worker, Node) may compile WebAssembly, found by compiling an empty
 * module once. A Content-Security-Policy whose `script-src` lacks `'wasm-unsafe-eval'` (or
 * `'unsafe-eval'`) refuses it, and some runtimes have no WebAssembly at all (Node `--jitless`,
 * Safari's Lockdown Mode); the hashers then run their JavaScript versions.
 * @example
 * ```ts
 * const md5 = (await wasmAllowed()) ? await createMD5() : new Md5();
 * ```
 */
export function wasmAllowed(): Promise<boolean> {
  allowed ??=
    typeof WebAssembly === 'object'
      ? WebAssembly.compile(EMPTY_MODULE).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  return allowed;
}
