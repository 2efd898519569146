import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { levelsPlugin } from './scripts/vite-plugin-levels';

const port = Number(process.env.PORT) || 4173;

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [levelsPlugin(resolve(import.meta.dirname, 'levels'))],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // The session server (server/, built with --ssr) needs none of the game's public files.
    copyPublicDir: !isSsrBuild,
  },
  server: { port: 5173 },
  preview: { port, strictPort: true, host: true },
}));
