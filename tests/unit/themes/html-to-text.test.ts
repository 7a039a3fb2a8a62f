import { describe, expect, it } from 'vitest';
import { documentText, formatOf, htmlToText, markdownToText } from '../../../src/lib/themes/html-to-text';
import { splitSentences } from '../../../src/lib/themes/sentences';

describe('htmlToText', () => {
  it('keeps text and structure, drops scripts, styles, comments and tags', () => {
    const html = `<html><head><title>x</title><style>p{color:red}</style></head><body>
      <h1>Annual Report 2021/22</h1><script>alert('x')</script><!-- note -->
      <p>The Board&rsquo;s priorities were:</p><ul><li>Neglect</li><li>Early&nbsp;help &amp; <b>thresholds</b></li></ul>
      <p onclick="evil()">Caseloads fell.<br>Recruitment improved.</p></body></html>`;
    const text = htmlToText(html);
    expect(text).not.toMatch(/alert|color|note|onclick|</);
    expect(text).toContain('Annual Report 2021/22');
    expect(text).toContain('The Board’s priorities were:');
    expect(text).toContain('· Neglect');
    expect(text).toContain('· Early help & thresholds');
    const s = splitSentences(text);
    expect(s.find((x) => x.text === 'Neglect')?.kind).toBe('item');
  });
  it('decodes numeric entities and ignores invalid ones', () => {
    expect(htmlToText('<p>&#163;2 &#x2019; &#0; &#xD800; &bogus;</p>')).toBe('£2 ’ &bogus;');
  });
  it('drops an unterminated script to the end', () => {
    expect(htmlToText('<p>Safe</p><script>document.write("x")')).toBe('Safe');
  });
});

describe('markdownToText', () => {
  it('removes Markdown syntax and keeps lists as lists', () => {
    const md = '# Annual report 2020/21\n\nThe **Board** focused on:\n\n* Neglect\n* [Early help](http://example.org)\n\n| a | b |\n|---|---|\n| x | y |\n';
    const text = markdownToText(md);
    expect(text).toContain('Annual report 2020/21');
    expect(text).toContain('The Board focused on:');
    expect(text).toContain('- Early help');
    expect(text).not.toContain('http');
    expect(text).not.toContain('**');
  });
});

describe('documentText and formatOf', () => {
  it('chooses the format from the file name and strips a BOM and CRLF', () => {
    expect(formatOf('minutes.HTM')).toBe('html');
    expect(formatOf('notes.md')).toBe('md');
    expect(formatOf('a.txt')).toBe('txt');
    expect(formatOf('a.pdf')).toBeNull();
    expect(documentText('\uFEFFa\r\nb', 'txt')).toBe('a\nb');
  });
});

describe('hostile markup (issue 14, item 2)', () => {
  it('reads a comment, a tag or a script that is never closed as the single-pass reader should', () => {
    expect(htmlToText('<p>Neglect</p><!-- never closed <p>Early help</p>')).toBe('Neglect\n\nEarly help');
    expect(htmlToText('<!--'.repeat(1000))).toBe('<!--'.repeat(1000));
    expect(htmlToText('<p>Safe</p><a href="x"')).toBe('Safe\n\n<a href="x"');
    expect(htmlToText('<p>3 < 4 and <b>neglect</b></p>')).toBe('3 < 4 and neglect');
    expect(htmlToText('<!DOCTYPE html><p>Text</p>')).toBe('Text');
    expect(htmlToText('<svg><text>drawn</text></svg><p>read</p>')).toBe('read');
  });

  it('turns Markdown tables into text and leaves unclosed syntax as written', () => {
    expect(markdownToText('| Theme | Year |\n|---|---|\n| Neglect | 2021 |')).toBe('Theme Year\n\nNeglect 2021');
    expect(markdownToText('[not a link\n```x\ncode')).toBe('[not a link\n```x\ncode');
    expect(markdownToText('```\ncode\n```\nafter')).toBe('code\nafter');
    expect(markdownToText('## Priorities ##\n\n<!-- hidden -->**bold** and _em_')).toBe('Priorities\n\nbold and em');
  });
});
