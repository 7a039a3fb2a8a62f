import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  build: {
    target: 'es2022',
    // The bundled data is fetched as its own file, never inlined into the JavaScript.
    assetsInlineLimit: 0,
  },
  // ES module workers: the import worker loads the .xlsx reader only when a workbook arrives.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
