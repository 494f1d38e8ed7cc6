import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const contracts = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));
const publicDir = fileURLToPath(new URL('public', import.meta.url));
const workerSource = fileURLToPath(new URL('src/service-worker/sw.js', import.meta.url));
const api = process.env.HEARTH_API ?? 'http://localhost:3000';

/**
 * Writes dist/web/sw.js from src/service-worker/sw.js with the app shell's file names filled in (Vite names the
 * bundles by content hash, so only the build knows them) and a version that changes whenever the shell does.
 */
function serviceWorker(): Plugin {
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((name) => !name.endsWith('.map') && name !== 'index.html');
      const shell = ['/index.html', ...readdirSync(publicDir), ...built]
        .map((name) => (name.startsWith('/') ? name : `/${name}`))
        .sort();
      const template = readFileSync(workerSource, 'utf8');
      const version = createHash('sha256')
        .update(template)
        .update(JSON.stringify(shell))
        .update(readFileSync(fileURLToPath(new URL('index.html', import.meta.url))))
        .digest('hex')
        .slice(0, 16);
      const source = template
        .replace("'__HEARTH_SW_VERSION__'", JSON.stringify(version))
        .replace('/* __HEARTH_SW_SHELL__ */ []', JSON.stringify(shell));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/** The web client: built into dist/web, which the API serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), serviceWorker()],
  resolve: { alias: { '@hearth/contracts': contracts } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: modules: the page runs under a strict Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
