import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// `ferry-*` tags are custom elements, not Vue components: Vue passes their props and listens to
// their events as they are. Served by the demo's server (`pnpm start`).
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ferry-') } } })],
});
