// The renderer is one static bundle: loaded from file:// by Electron and served by the browser
// host, so every URL in it is relative (base './') and routing lives in the location hash.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // antd + react are ~1 MB minified; pages (and echarts inside them) are split by route.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
