/**
 * Theme ids and labels for views that only name themes (Compare, Area). The taxonomy
 * is loaded as its own chunk after the first view is drawn, so it does not weigh on
 * the initial download; the Themes view and the worker import it directly.
 */
export interface ThemeLabel {
  id: string;
  label: string;
  definition: string;
}

let loading: Promise<ThemeLabel[]> | undefined;

export function loadThemeLabels(): Promise<ThemeLabel[]> {
  loading ??= import('../../../data/themes.json').then((m) =>
    (m.default.themes as ThemeLabel[]).map((t) => ({ id: t.id, label: t.label, definition: t.definition })),
  );
  return loading;
}
