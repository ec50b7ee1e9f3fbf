import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readings/index.ts';
import { TURNS } from './documents.ts';
import { EMELYANOV, INTERVIEW_TURNS, REIMAN } from './fixtures/excerpts.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

const INTERVIEW_MD = `---
title: "Conspiracy Against Stalin"
author: Simon Maskharashvili
date: 2019-05-04
---

# Conspiracy Against Stalin

${TURNS.map((t) => `**${t.speaker}:** ${t.text}`).join('\n\n')}

## From the book

${REIMAN.data.replace('in the following year', 'in the\nfollowing year')}[^212]

> ${REIMAN.some.slice(0, REIMAN.some.indexOf(' ', 100))}
>${REIMAN.some.slice(REIMAN.some.indexOf(' ', 100))}

- ${EMELYANOV.note1}
- ${EMELYANOV.note2}
  - nested item

[^212]: ${REIMAN.note212}
`;

describe('reading Markdown', () => {
  it('GIVEN headings, turns, a wrapped paragraph, a quote, lists and a footnote THEN each has its canonical form', async () => {
    const r = await readDocument(bytes(INTERVIEW_MD), { fileName: 'interview.md' });
    expect(r.format).toBe('markdown');
    const md = r.markdown;
    expect(md).toContain('# Conspiracy Against Stalin\n\nGJ: Does this mean');
    expect(md).toContain('## From the book');
    for (const t of TURNS) expect(md).toContain(`\n${t.speaker}: ${t.text}\n`);
    expect(md).toContain(`\n${REIMAN.data}[^212]\n`);
    expect(md).toContain(`> ${REIMAN.some}`);
    expect(md).toContain(`- N.S. Khrushchev, “Speech to the 20th Congress of the CPSU,” February 24, 1956,`);
    expect(md).toContain('- nested item');
    expect(md).toContain(`[^212]: ${REIMAN.note212}`);
    expect(r.notes).toBe(1);
    expect(r.sections).toBe(2);
  });

  it('GIVEN YAML front matter THEN it gives the metadata and is not text', async () => {
    const r = await readDocument(bytes(INTERVIEW_MD), { fileName: 'interview.md' });
    expect(r.meta).toMatchObject({
      title: 'Conspiracy Against Stalin',
      authors: [{ family: 'Maskharashvili', given: 'Simon' }],
      date: '2019-05-04',
      year: 2019,
    });
    expect(r.markdown).not.toContain('author:');
  });

  it('GIVEN Markdown headings in a .txt file THEN it is read as Markdown, without a warning', async () => {
    const r = await readDocument(bytes(`# ${TURNS[0]!.text}\n\n${REIMAN.data}\n`), { fileName: 'notes.txt' });
    expect(r.format).toBe('markdown');
    expect(r.warnings).toEqual([]);
  });

  it('GIVEN page lines in the Markdown THEN they are kept', async () => {
    const r = await readDocument(bytes(`<!-- page 101 -->\n\n${REIMAN.data}\n\n<!-- page 102 -->\n\n${REIMAN.some}\n`), { fileName: 'x.md' });
    expect(r.markdown).toBe(`<!-- page 101 -->\n\n${REIMAN.data}\n\n<!-- page 102 -->\n\n${REIMAN.some}\n`);
  });
});

describe('reading plain text', () => {
  it('GIVEN one paragraph per line and no blank lines (as the corpus sources) THEN every line is a paragraph', async () => {
    const r = await readDocument(bytes(INTERVIEW_TURNS.join('\n')), { fileName: 'interview.txt' });
    expect(r.format).toBe('text');
    expect(r.markdown.trim().split('\n\n')).toEqual(TURNS.map((t) => `${t.speaker}: ${t.text}`));
  });

  it('GIVEN paragraphs parted by blank lines and wrapped lines THEN lines are rejoined and hyphenation repaired', async () => {
    const text = `The Real Stalin Series Part 11: The Fifth Column\n\nData on the intensity of the terror at lower levels of the social hierarchy is also chillingly revealing. In 1937, 353,074 ordinary citizens were sentenced to death. That means in 1937, 970 people were exe-\ncuted each and every day, as the Marxist-\nLeninist state saw it.\n\n${REIMAN.some}\n`;
    const r = await readDocument(bytes(text), { fileName: 'fifth-column.txt' });
    expect(r.markdown).toContain('970 people were executed each and every day, as the Marxist-Leninist state saw it.');
    expect(r.meta.title).toBe('The Real Stalin Series Part 11: The Fifth Column');
  });

  it('GIVEN a line that would read as Markdown THEN it is escaped and stays text', async () => {
    const r = await readDocument(bytes('- 1937 was the worst year.\n> not a quote either\nplain line'), { fileName: 'x.txt' });
    expect(r.markdown).toBe('\\- 1937 was the worst year.\n\n\\> not a quote either\n\nplain line\n');
  });

  it('GIVEN UTF-16 text with a byte-order mark THEN it is decoded', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(TURNS[1]!.text, 'utf16le')]);
    const r = await readDocument(utf16, { fileName: 'x.txt' });
    expect(r.markdown.trim()).toBe(TURNS[1]!.text);
  });
});
