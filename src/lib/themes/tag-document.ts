/** Tags a stored document and returns its records: for `npm run data` and tests (the app tags in the worker). */
import type { SourceDocument } from '../model/types';
import { defaultTaxonomy } from './default-taxonomy';
import { recordsFromResult, type DocumentRecords } from './records';
import { tagText } from './tagger';
import type { CompiledTaxonomy } from './taxonomy';

export function documentRecords(doc: SourceDocument, tax: CompiledTaxonomy = defaultTaxonomy().compiled): DocumentRecords {
  return recordsFromResult(doc, tagText(tax, doc.text));
}
