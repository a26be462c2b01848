// The self-contained build: <ferry-uploader> with Lit and @ferry/core in one ES module file, for
// pages without a bundler (`<script type="module" src="ferry-uploader.js">`).
export * from './index.js';
export * from '@ferry/core';
