/**
 * Build of the one Custom UI app (resource `main` in manifest.yml → static/app/build).
 * `base: './'` because Forge serves the resource folder from a path we do not control, so every
 * asset URL must be relative to index.html.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleReport } from './tools/bundle-report';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), bundleReport({ initialBudgetBytes: 250 * 1024 })],
  build: {
    outDir: 'build',
    emptyOutDir: true,
    // Forge's CDN serves any file, but a source map would publish our sources with the app.
    sourcemap: false,
    target: 'es2022',
  },
});
