// The README's browser support matrix as esbuild targets: every bundle Ferry ships (the standalone
// element, the hash worker, its CSS) is built to it, so syntax newer than these engines is lowered
// or refused at build time. Keep in step with the README's "Browser support" table.
export const BROWSER_TARGETS = ['chrome111', 'edge111', 'firefox115', 'safari16.4'];
