/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

/** The two files of the bundled data (scripts/bundle-parts.ts, src/lib/model/bundle-parts.ts). */
declare module 'virtual:bundle-parts' {
  export const coreUrl: string;
  export const restUrl: string;
  /** The indicators whose series the core holds. */
  export const coreIndicators: readonly string[];
}
