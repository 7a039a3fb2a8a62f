import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDocumentFile, looksLikeTable } from '../../../src/lib/import/document-files';

const seeds = readdirSync('data/seeds').filter((f) => f.endsWith('.txt'));

describe('isDocumentFile', () => {
  it('treats web pages and Markdown as documents, whatever they hold', () => {
    expect(isDocumentFile('minutes.html', 'a,b,c\n1,2,3\n4,5,6\n')).toBe(true);
    expect(isDocumentFile('report.MD', '')).toBe(true);
  });

  it('treats CSV, JSON and workbooks as data', () => {
    for (const name of ['x.csv', 'x.json', 'x.xlsx', 'x.tsv']) expect(isDocumentFile(name, 'Some prose. More prose.\n')).toBe(false);
  });

  it.each(seeds)('reads the seed minutes %s as a document', (f) => {
    expect(isDocumentFile(f, readFileSync(`data/seeds/${f}`, 'utf8').slice(0, 65536))).toBe(true);
  });

  it('reads a tab-delimited or comma-separated .txt table as data', () => {
    const tab = 'LA\tYear\tRate\nWorcestershire\t2024\t49.8\nWalsall\t2024\t28.2\nSolihull\t2024\t39.4\n';
    expect(isDocumentFile('export.txt', tab)).toBe(false);
    const csv = readFileSync('data/source/d3_cpps_subsequent_plan_2013_to_2025.csv', 'utf8').slice(0, 65536);
    expect(isDocumentFile('d3.txt', csv)).toBe(false);
  });
});

describe('looksLikeTable', () => {
  it('does not mistake prose with commas for a table', () => {
    const prose = [
      'The Board noted that, in the year, referrals had risen.',
      'Members asked about neglect, early help and the front door.',
      'It was agreed that the chair would write to partners.',
      'Cllr Smith, Cllr Jones and the Director attended, with apologies from two members.',
      '',
    ].join('\n');
    expect(looksLikeTable(prose)).toBe(false);
  });

  it('needs at least three complete lines', () => {
    expect(looksLikeTable('a,b,c\n1,2,3')).toBe(false);
  });
});
