import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the demo's server (`pnpm start`), which adds the signing endpoint and the store.
export default defineConfig({ plugins: [react()] });
