import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { levelsPlugin } from './scripts/vite-plugin-levels';
import { phaserTrimPlugin } from './scripts/vite-plugin-phaser-trim';

const port = Number(process.env.PORT) || 4173;
const phaserSrc = resolve(import.meta.dirname, 'node_modules/phaser/src');

// Phaser's build flags, which its sources test as `if (typeof WEBGL_RENDERER)` (see
// node_modules/phaser/config/webpack.dist.config.js): the whole `typeof FLAG` is replaced, so
// what is switched off is never bundled. WebGL, and the Canvas renderer for the school laptop
// whose graphics card the browser refuses (2.5 KB gzip); no sound (howler plays the game's
// sounds), no debug tools.
const phaserFlags = {
  'typeof WEBGL_RENDERER': 'true',
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof EXPERIMENTAL': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    levelsPlugin(resolve(import.meta.dirname, 'levels')),
    phaserTrimPlugin(phaserSrc),
    // The session server (built with --ssr) is no web app: no service worker for it.
    !isSsrBuild &&
    // Offline after one visit, installable as an app: a service worker precaches the whole game
    // (every level, sounds, fonts). A new version waits until the player accepts it.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Fresque de la démocratie',
        short_name: 'Fresque',
        description: 'Un jeu de cartes pour comprendre qui fait quoi dans notre démocratie.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4eee2',
        theme_color: '#f4eee2',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webm,mp3}'],
        // The board chunk (Phaser) is the largest file; it must be cached to play offline.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The session server's requests (same origin under `npm start`) are never the app's page.
        navigateFallbackDenylist: [/^\/api\//, /^\/matchmake\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // The board bundles Phaser from its sources, only the modules it uses (src/board/phaser.ts).
    // The package's `exports` only offer the whole dist build, hence an alias to the folder.
    alias: { 'phaser-src': phaserSrc },
  },
  define: phaserFlags,
  // In development the same flags and edits must reach Phaser's modules when they are pre-bundled.
  optimizeDeps: { rolldownOptions: { plugins: [phaserTrimPlugin(phaserSrc)], transform: { define: phaserFlags } } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // Sounds stay files, fetched after the first gesture: inlined, they weighed on the first
    // download of every page.
    assetsInlineLimit: (file) => (/\.(mp3|webm)$/.test(file) ? false : undefined),
    // The session server (server/, built with --ssr) needs none of the game's public files.
    copyPublicDir: !isSsrBuild,
  },
  server: { port: 5173 },
  preview: { port, strictPort: true, host: true },
}));
