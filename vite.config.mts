import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// The renderer is loaded from file:// in Electron and from the loopback
// server in browser mode, so every asset path is relative.
export default defineConfig({
  root: path.resolve(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
