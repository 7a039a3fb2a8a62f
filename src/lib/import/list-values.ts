/**
 * Every value of each filter of an EES CSV, counted over the whole file, for the
 * mapping step. It runs in a worker of its own (list.worker.ts) while the step shows
 * the first rows' values, so the step does not wait a pass over the file: the bench's
 * million-row file took 1.7 s to list (December 2026). Only the counter's lists are
 * kept, so memory stays at a few slices of the file whatever its size.
 */
import { scanCsvColumns } from './column-scan';
import { RowTooLongError, UnclosedQuoteError } from './csv-reader';
import { FilterValueCounter, labelled, type FilterChoice } from './ees-filters';
import { fail, sniff, throttle, type Outcome, type Progress } from './outcome';
import type { EesPlan } from './plan';
import { openArchive } from './workbook';
import { errorMessage } from '../model/errors';

export async function listChoices(file: File, ees: EesPlan, onProgress?: (p: Progress) => void): Promise<Outcome<FilterChoice[]>> {
  try {
    const s = await sniff(file);
    if (s.kind === 'zip') {
      // An EES data set zip: the CSV inspect() read from it.
      const archive = await openArchive(file, file.name);
      if (!archive.ok) return fail(archive.message);
      if (archive.kind !== 'data') return fail('the zip holds no EES data file.');
      return listChoices(archive.zip.csv, ees, onProgress);
    }
    if (s.kind !== 'text') return fail('the file is not text.');
    const report = throttle(onProgress);
    const names = ees.filters.map((c) => ees.header[c]!);
    // The scanner gives each row's filter values only, in the order of the filter columns.
    const counter = new FilterValueCounter(names.length, names.map((_, k) => k));
    for await (const batch of scanCsvColumns(file, { encoding: s.encoding, decided: s.decided }, ees.header.length, ees.filters)) {
      counter.add(batch.rows);
      report({ rows: counter.rows, bytes: batch.bytesRead, totalBytes: batch.totalBytes });
    }
    return { ok: true, value: labelled(counter.choices(names, true), ees.meta) };
  } catch (e) {
    if (e instanceof UnclosedQuoteError || e instanceof RowTooLongError) return fail(e.message, e.row);
    return fail(`the file could not be read (${errorMessage(e)}).`);
  }
}
