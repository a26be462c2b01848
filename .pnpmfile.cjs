// Gives the lint tools a TypeScript with a JavaScript compiler API.
//
// The workspace's `typescript` is 7.0.2, the native (Go) compiler: its package exports only a
// version stub and the `tsc` launcher, with no compiler API. Two lint tools need that API:
// - typescript-eslint 8.74 (and ts-api-utils, which its rules use) peer-depend on `typescript`
//   >=4.8.4 <6.1.0; its TypeScript 7 backend is experimental and wants a 7.1 build. pnpm resolves
//   a peer dependency from the workspace root, where it would find 7.0.2 and fail. Their peer
//   becomes an ordinary dependency on 6.0, the last JavaScript compiler (TypeScript 7.0 is its
//   port: same language and checker), so lint reads types with 6.0 while `tsc` stays 7.0.2.
// - lit-analyzer 2.0.3 requires `typescript` without declaring it (it would pick up whatever the
//   store hoists, here 7.0.2) and hands its program to web-component-analyzer 2.0, which depends on
//   typescript ~5.2: one instance must serve both, so it gets that same ~5.2.
// Remove this once typescript-eslint and lit-analyzer run on TypeScript 7's own API.
const TYPESCRIPT_API = { forTypescriptEslint: '6.0.3', forLitAnalyzer: '~5.2.2' };

function isTypescriptEslint(name) {
  return name === 'typescript-eslint' || name.startsWith('@typescript-eslint/') || name === 'ts-api-utils';
}

module.exports = {
  hooks: {
    readPackage(manifest) {
      if (isTypescriptEslint(manifest.name) && manifest.peerDependencies?.typescript) {
        delete manifest.peerDependencies.typescript;
        manifest.dependencies = { ...manifest.dependencies, typescript: TYPESCRIPT_API.forTypescriptEslint };
      }
      if (manifest.name === 'lit-analyzer') {
        manifest.dependencies = { ...manifest.dependencies, typescript: TYPESCRIPT_API.forLitAnalyzer };
      }
      return manifest;
    },
  },
};
