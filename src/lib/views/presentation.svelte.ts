import { getContext, setContext } from 'svelte';

/**
 * Presentation mode (`present=1`), for councillors: read-only and in larger type.
 * Views read it with `presentation()` and, while it is on, show the chosen selection
 * as text instead of pickers and leave out every control that changes data (imports,
 * undo, restore). The shell provides it and marks `<html data-mode="present">` so the
 * stylesheet can enlarge the type.
 */
export interface Presentation {
  readonly on: boolean;
}

const KEY = Symbol('presentation');

/** Called once by the app shell with a getter over the router's state. */
export function providePresentation(isOn: () => boolean): void {
  setContext<Presentation>(KEY, {
    get on() {
      return isOn();
    },
  });
  $effect(() => {
    if (isOn()) document.documentElement.dataset['mode'] = 'present';
    else delete document.documentElement.dataset['mode'];
  });
}

/** Presentation mode as the shell provides it; off where no shell does (component tests). */
export function presentation(): Presentation {
  return getContext<Presentation | undefined>(KEY) ?? { on: false };
}
