/** The bundled theme taxonomy (data/themes.json), validated and compiled once. */
import raw from '../../../data/themes.json';
import { loadTaxonomy, type CompiledTaxonomy, type Taxonomy } from './taxonomy';

let cached: { taxonomy: Taxonomy; compiled: CompiledTaxonomy } | undefined;

export function defaultTaxonomy(): { taxonomy: Taxonomy; compiled: CompiledTaxonomy } {
  cached ??= loadTaxonomy(raw);
  return cached;
}
