import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OdsError, parseContent, readOds } from '../../../src/lib/import/ods';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
const doc = (tables: string) => `<?xml version="1.0"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;

describe('readOds', () => {
  it('spells out repeated cells and rows, keeps gaps between values, and drops the padding to the sheet’s edge', () => {
    const xml = doc(`<table:table table:name="Data">
      <table:table-row><table:table-cell office:value-type="string"><text:p>Title</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row>
      <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
      <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="0.1234567" table:number-columns-repeated="2"><text:p>12%</text:p></table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
    </table:table>`);
    expect(parseContent(xml).sheets).toEqual([{ name: 'Data', rows: [['Title'], [], [], ['a', '', '', '0.1234567', '0.1234567']] }]);
  });

  it('gives dates as yyyy-mm-dd, booleans as TRUE/FALSE, text with its spaces and line breaks, and no comments', () => {
    const xml = doc(`<table:table table:name="S"><table:table-row>
      <table:table-cell office:value-type="date" office:date-value="2023-05-15T00:00:00"><text:p>15/05/2023</text:p></table:table-cell>
      <table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>
      <table:table-cell office:value-type="string"><office:annotation><text:p>a note</text:p></office:annotation><text:p>Requires<text:s text:c="2"/>improvement</text:p><text:p>to be <text:span>good</text:span> &amp; more</text:p></table:table-cell>
    </table:table-row></table:table>`);
    expect(parseContent(xml).sheets[0]!.rows).toEqual([['2023-05-15', 'FALSE', 'Requires  improvement\nto be good & more']]);
  });

  it('reads a zipped file and refuses what is not one, with a plain reason', () => {
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8(doc('<table:table table:name="A"><table:table-row><table:table-cell office:value-type="float" office:value="3"/></table:table-row></table:table>')) });
    expect(readOds(bytes).sheets).toEqual([{ name: 'A', rows: [['3']] }]);
    expect(() => readOds(strToU8('time_period,la_name\n2025,Worcestershire'))).toThrow(OdsError);
    expect(() => readOds(zipSync({ 'other.xml': strToU8('<a/>') }))).toThrow(/no content.xml/);
    expect(() => readOds(zipSync({ 'content.xml': strToU8('<office:document-content') }))).toThrow(/not well-formed/);
  });

  it('stops at the cell limit instead of spelling out a million repeated values', () => {
    const xml = doc('<table:table table:name="Big"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>');
    expect(() => parseContent(xml, 10_000)).toThrow(/more than 10,000 cells/);
  });
});
