/**
 * Everything the import needs from a file, in one pure-ish step (it hashes with Web
 * Crypto): decode, reduce HTML or Markdown to text, tag, and guess area and year.
 * Runs in the worker; unit tests call it directly.
 */
import { documentIdentity } from '../model/document-identity';
import { defaultTaxonomy } from './default-taxonomy';
import { sha256Hex } from '../model/sha256';
import { decodeDocument } from './decode';
import { guessContext } from './guess-context';
import { documentText } from './html-to-text';
import type { AnalyseProgress, AnalyseRequest, AnalysedResponse } from './messages';
import { tagText, type TagProgress } from './tagger';

/** At most about ten reports a second, and every change of stage: enough for a progress line. */
function throttled(report: TagProgress): TagProgress {
  let last = 0;
  let lastStage = '';
  return (stage, fraction) => {
    const now = Date.now();
    if (stage === lastStage && now - last < 100) return;
    last = now;
    lastStage = stage;
    report(stage, fraction);
  };
}

/** Larger than any council minutes or annual report as text; beyond it the file is probably not one. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export async function analyse(req: AnalyseRequest, onProgress?: (p: AnalyseProgress) => void): Promise<AnalysedResponse> {
  if (req.bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new Error(`${req.fileName} is ${(req.bytes.byteLength / 1048576).toFixed(0)} MB; minutes and reports up to 20 MB of text can be taken in.`);
  }
  onProgress?.({ stage: 'Reading the text', fraction: 0 });
  const { text: raw, encoding } = decodeDocument(req.bytes);
  if (raw.includes('\u0000')) throw new Error(`${req.fileName} is not a text file (it contains binary data). Save minutes as .txt, .html or .md.`);
  const text = documentText(raw, req.format);
  if (!/\p{L}{3}/u.test(text)) throw new Error(`${req.fileName} has no readable text.`);
  // The hash of the words, not the bytes: the same minutes as .txt and as .html are one document.
  const hash = await sha256Hex(new TextEncoder().encode(documentIdentity(text)).buffer as ArrayBuffer);
  onProgress?.({ stage: 'Loading the themes', fraction: 0 });
  const { taxonomy, compiled } = defaultTaxonomy();
  const result = tagText(compiled, text, onProgress && throttled((stage, fraction) => onProgress({ stage, fraction })));
  const labels = Object.fromEntries(taxonomy.themes.map((t) => [t.id, t.label]));
  return { type: 'analysed', id: req.id, text, hash, encoding, result, guess: guessContext(text, req.areas), labels };
}
