import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { bundleParts } from './scripts/bundle-parts.ts';
import { CSP_HEADER, CSP_META } from './scripts/csp.ts';
import { pureD3Factories } from './scripts/pure-d3-factories.ts';
import { stripLinkDocs } from './scripts/strip-link-docs.ts';

/**
 * The modules index.html's script reaches by static imports, found once the module graph
 * is built. They go into one chunk (rolldown folds it into the entry) instead of the seven
 * small shared chunks the automatic split made of those a lazy view also uses: on a first
 * visit each was one more request before the app could start (about 50 ms in all on the
 * 2-core bench machine), and one file compresses better than seven.
 */
const firstModules = new Set<string>();
function initialGraph(): Plugin {
  return {
    name: 'safeguarding-lens:initial-graph',
    apply: 'build',
    buildEnd() {
      // Each build's own graph (a watching build runs this again).
      firstModules.clear();
      const entry = [...this.getModuleIds()].find((id) => this.getModuleInfo(id)?.isEntry);
      const todo = entry ? [entry] : [];
      while (todo.length) {
        const id = todo.pop()!;
        if (firstModules.has(id)) continue;
        firstModules.add(id);
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
}

/** Writes the Content Security Policy into the built index.html, right after the charset and before any script. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'safeguarding-lens:csp',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html needs <meta charset> so the Content Security Policy can follow it');
      return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    },
  };
}

const EXPECTED_DEXIE_WARNINGS = [/^Dexie SchemaDiff: /, /^Upgrade '.*' blocked by other connection/, /^Another connection wants to delete database /];

export default defineConfig({
  // Relative asset paths, so the built app runs from any path of a site (/lens/), not only /.
  base: './',
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    initialGraph(),
    bundleParts(import.meta.dirname),
    stripLinkDocs(),
    pureD3Factories(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the user chooses to reload (src/lib/pwa).
      registerType: 'prompt',
      // Registered from the app, after the first view is drawn, through virtual:pwa-register.
      injectRegister: false,
      // Icons and the favicon are precached by the glob below; listing them again would duplicate them.
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Safeguarding Lens',
        short_name: 'SG Lens',
        description: 'Compare English safeguarding children partnerships: child protection plan rates, priorities and themes.',
        lang: 'en-GB',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4f91',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell and the bundled data, so every view works offline after one visit.
        globPatterns: ['**/*.{html,js,css,svg,png,json}'],
        // The bundled data is about 1 MB; Workbox skips files over 2 MB by default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // The bundled data is fetched as its own file, never inlined into the JavaScript.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'app', test: (id: string) => firstModules.has(id) }] } },
    },
  },
  // ES module workers: the import worker loads the .xlsx reader only when a workbook arrives.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Tests that load the whole bundled data into fake-indexeddb, back it up and restore
    // it take seconds on this shared 2-core machine when it is busy. A time limit is not
    // a speed check (speed is `npm run bench`): it only has to catch a hang.
    testTimeout: 30_000,
    // Warnings Dexie prints when a test provokes them on purpose (a tab with older code, an
    // upgrade held up by another connection, a database deleted under an open one). Left
    // out of the output so that a warning nobody expected stands out.
    onConsoleLog(log, _type, entity) {
      const file = entity && 'module' in entity ? entity.module.moduleId : '';
      if (/tests\/unit\/db\/(connection|backup)\.test\.ts$/.test(file) && EXPECTED_DEXIE_WARNINGS.some((w) => w.test(log))) return false;
    },
  },
});
