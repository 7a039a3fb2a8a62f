/**
 * Vite plugin: cuts data/bundle.json into the two files the app fetches
 * (src/lib/model/bundle-parts.ts) and gives their URLs as `virtual:bundle-parts`.
 * The parts are written to node_modules/.cache and imported with `?url`, so Vite
 * hashes, emits and serves them as it does any asset (and the service worker
 * precaches them). In the built index.html a preload hint starts fetching the core
 * while the scripts load.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Bundle } from '../src/lib/model/bundle.ts';
import { splitBundle } from '../src/lib/model/bundle-parts.ts';

const VIRTUAL = 'virtual:bundle-parts';
const RESOLVED = `\0${VIRTUAL}`;

export function bundleParts(root: string): Plugin {
  const source = join(root, 'data', 'bundle.json');
  const dir = join(root, 'node_modules', '.cache', 'safeguarding-lens');
  return {
    name: 'safeguarding-lens:bundle-parts',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(source);
      const { core, rest } = splitBundle(JSON.parse(readFileSync(source, 'utf8')) as Bundle);
      mkdirSync(dir, { recursive: true });
      const coreFile = join(dir, 'bundle-core.json');
      const restFile = join(dir, 'bundle-rest.json');
      writeFileSync(coreFile, JSON.stringify(core));
      writeFileSync(restFile, JSON.stringify(rest));
      return [
        `export { default as coreUrl } from ${JSON.stringify(`${coreFile}?url`)};`,
        `export { default as restUrl } from ${JSON.stringify(`${restFile}?url`)};`,
        `export const coreIndicators = ${JSON.stringify(core.series.map((s) => s.indicatorId))};`,
      ].join('\n');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const core = Object.values(ctx.bundle).find((f) => f.type === 'asset' && /(^|\/)bundle-core-[^/]*\.json$/.test(f.fileName));
        if (!core) throw new Error('The built app has no bundle-core file to preload');
        // crossorigin: fetch() requests in CORS mode, and a preload is used only by a request of the same mode.
        return html.replace('</title>', `</title>\n    <link rel="preload" href="./${core.fileName}" as="fetch" type="application/json" crossorigin />`);
      },
    },
  };
}
