import { getContext, setContext } from 'svelte';
import { watchPrinting } from '../charts/printing';
import { provideTextScale } from '../charts/text-scale';

/**
 * Presentation mode (`present=1`), for councillors: read-only and in larger type.
 * Views read it with `presentation()` and, while it is on, show the chosen selection
 * as text instead of pickers and leave out every control that changes data (imports,
 * undo, restore). An embed (`embed=1`) is read-only too but keeps the normal type: it
 * sits in someone else's page, beside their text. The shell provides both; this marks
 * `<html data-mode="present">` and writes the page's text scale once, as `--text-scale`
 * for the stylesheet and through `provideTextScale` for chart layout.
 */
export interface Presentation {
  readonly on: boolean;
}

/** Presentation mode's type against the normal 16px: 20px, read from across a meeting room. */
export const PRESENT_TEXT_SCALE = 1.25;

const KEY = Symbol('presentation');

/** Called once by the app shell with getters over the router's state. */
export function providePresentation(mode: () => { present: boolean; embed: boolean }): void {
  const large = () => mode().present && !mode().embed;
  setContext<Presentation>(KEY, {
    get on() {
      return mode().present || mode().embed;
    },
  });
  // Paper takes the normal type (app.css), so chart layout drops the room's scale too while
  // printing. `beforeprint` comes while the page is still laid out for the screen; the charts
  // are laid out again in the microtasks after it, before the print layout.
  let printing = $state(false);
  provideTextScale(() => (large() && !printing ? PRESENT_TEXT_SCALE : 1));
  $effect(() => watchPrinting((on) => (printing = on)));
  $effect(() => {
    const root = document.documentElement;
    if (large()) {
      root.dataset['mode'] = 'present';
      // Written through the CSSOM, which the Content Security Policy allows (a style attribute in markup it would not).
      root.style.setProperty('--text-scale', String(PRESENT_TEXT_SCALE));
    } else {
      delete root.dataset['mode'];
      root.style.removeProperty('--text-scale');
    }
  });
}

/** Presentation mode as the shell provides it; off where no shell does (component tests). */
export function presentation(): Presentation {
  return getContext<Presentation | undefined>(KEY) ?? { on: false };
}
