import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The office console, served by the service at /office/ (src/web/office-static.ts): hashed
 * files under assets/ (cached forever) and index.html (never cached). No inline script or
 * style anywhere, so the service's strict Content-Security-Policy applies unchanged.
 */
export default defineConfig({
  root: here,
  base: '/office/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/office', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would be data: URLs in CSS; files keep them under font-src/img-src 'self'.
    assetsInlineLimit: 0,
    // The officers' browsers: current Chrome, Edge and Firefox on office PCs.
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});
