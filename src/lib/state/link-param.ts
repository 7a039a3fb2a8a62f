/**
 * One link parameter, declared once: its name in the URL, how its text is read and
 * written, its default and its documentation. The codec (url-codec.ts) decodes and
 * encodes by walking a list of these per route, and docs/links.md is generated from
 * the same lists (link-docs.ts), so a parameter cannot be read one way and written or
 * documented another.
 */

/** What reading one value gave: the value (absent when nothing usable), and plain-language problems. */
export interface Parsed<T> {
  value?: T;
  problems?: string[];
}

/** The type a view field holds when it is set. */
type Set<V, F extends keyof V> = Exclude<V[F], undefined>;

export interface ParamSpec<V, F extends keyof V> {
  /** The name in the URL. Never renamed: old links must keep working. */
  key: string;
  /** The view field it sets. */
  field: F;
  /** Reads the text after `key=`. Never throws: anything unreadable is a problem. */
  parse: (raw: string) => Parsed<Set<V, F>>;
  /** Writes a value; undefined leaves the parameter out (e.g. `at` without `doc`). */
  write: (value: Set<V, F>, view: V) => string | undefined;
  /**
   * The value the view has when the link leaves the parameter out. Without one, absence
   * has a meaning of its own (from the data, or "none"), said in `absent`.
   */
  default?: Set<V, F>;
  /**
   * The field is always set in a decoded view (filled with `default`). Otherwise a value
   * equal to the default is read as absent, so a link that writes the default and one that
   * leaves it out open the same view.
   */
  required?: boolean;
  /** For the docs: what the parameter does and which values it takes. */
  doc: string;
  /** For the docs: what leaving it out means, when there is no `default` value. */
  absent?: string;
  /** A valid raw value: shown in the docs, and round-tripped by the codec's tests. */
  example: string;
}

/** A parameter as the codec uses it: its field's type erased behind read and write. */
export interface LinkParam<V> {
  key: string;
  doc: string;
  example: string;
  /** The default as the docs show it, or what absence means. */
  defaultDoc: string;
  /** Reads `raw` (or its absence, `null`) into `view`. */
  read: (raw: string | null, view: V, problems: string[]) => void;
  /** Whether `view` sets this parameter's field. */
  has: (view: V) => boolean;
  /** The raw text to write, or undefined to leave the parameter out. */
  write: (view: V, opts: WriteOptions) => string | undefined;
}

export interface WriteOptions {
  /** Write defaults too (links made with Share), so a link keeps its meaning if a default changes. */
  defaults: boolean;
}

/** Declares a parameter of a view type `V`. */
export function param<V>() {
  return <F extends keyof V>(spec: ParamSpec<V, F>): LinkParam<V> => {
    const isDefault = (v: Set<V, F>) => spec.default !== undefined && same(v, spec.default);
    return {
      key: spec.key,
      doc: spec.doc,
      example: spec.example,
      defaultDoc: spec.default !== undefined ? `\`${spec.write(spec.default, {} as V) ?? ''}\`` : (spec.absent ?? 'none'),
      has: (view) => view[spec.field] !== undefined,
      read(raw, view, problems) {
        if (raw === null) {
          if (spec.required && spec.default !== undefined) view[spec.field] = copy(spec.default);
          return;
        }
        const parsed = spec.parse(raw);
        if (parsed.problems) problems.push(...parsed.problems);
        const value = parsed.value ?? (spec.required ? spec.default : undefined);
        if (value === undefined) return;
        if (!spec.required && isDefault(value)) return;
        view[spec.field] = copy(value);
      },
      write(view, { defaults }) {
        const value = view[spec.field] as Set<V, F> | undefined;
        if (value === undefined) return defaults && spec.default !== undefined ? spec.write(spec.default, view) : undefined;
        if (!defaults && isDefault(value)) return undefined;
        return spec.write(value, view);
      },
    };
  };
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}

/** Defaults are shared constants: a view gets its own copy of an array. */
function copy<T>(v: T): T {
  return (Array.isArray(v) ? [...v] : v) as T;
}

/** Quoting a tampered link back at the user: keep it short and printable. */
export function shorten(s: string): string {
  const printable = s.replace(/[^\x20-\x7E\u00A0-\uFFFF]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
