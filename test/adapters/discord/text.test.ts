import { describe, expect, test } from 'vitest';
import { escapeText, packLines, splitAtWords, splitText, tidyLines, truncateAtWord } from '../../../adapters/discord/text.ts';
import { EMELYANOV_PARAGRAPHS } from '../../../loopback/discord/fake-bot.ts';
import { unescapeMarkdown, wordsOf } from './wire.ts';

describe('splitAtWords', () => {
  test('GIVEN a corpus paragraph and a small limit THEN every piece fits and the words come back whole', () => {
    const paragraph = EMELYANOV_PARAGRAPHS[0]!;
    const pieces = splitAtWords(paragraph, 120);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(120);
    expect(pieces.flatMap(wordsOf)).toEqual(wordsOf(paragraph));
  });

  test('GIVEN pieces THEN each is filled greedily (the next word would not have fitted)', () => {
    const pieces = splitAtWords(EMELYANOV_PARAGRAPHS[1]!, 200);
    for (let i = 0; i < pieces.length - 1; i++) {
      const nextWord = wordsOf(pieces[i + 1]!)[0]!;
      expect(`${pieces[i]} ${nextWord}`.length).toBeGreaterThan(200);
    }
  });

  test('GIVEN a single word longer than the limit THEN only that word is cut', () => {
    const url = `https://example.org/${'x'.repeat(250)}`;
    const pieces = splitAtWords(`See ${url} for the archive.`, 100);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    expect(pieces[0]).toBe('See');
    // The URL's parts, put back together without separators, are the URL again.
    expect(pieces.slice(1).join('')).toBe(`${url} for the archive.`);
  });

  test('GIVEN an over-long word of emoji THEN no surrogate pair is split', () => {
    const pieces = splitAtWords('☭'.repeat(5) + '🚩'.repeat(60), 25);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(25);
      expect(piece).not.toMatch(/[\ud800-\udbff]$/);
    }
  });
});

describe('packLines and splitText', () => {
  test('GIVEN short lines THEN they are joined up to the limit and never beyond', () => {
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  test('GIVEN several corpus paragraphs THEN chunks fit and keep every word in order', () => {
    const lines = EMELYANOV_PARAGRAPHS.slice(0, 6);
    const chunks = splitText(lines, 1000);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(1000);
    expect(chunks.flatMap(wordsOf)).toEqual(lines.flatMap(wordsOf));
  });
});

describe('tidyLines', () => {
  test('GIVEN the indented lines of the Goble post THEN lines are trimmed and inner runs of spaces collapse', () => {
    expect(tidyLines('            Staunton, August 28 –  There were\r\n   many things ')).toEqual(['Staunton, August 28 – There were', 'many things']);
  });
});

describe('escapeText', () => {
  test('GIVEN corpus markdown (*italics*, __underline__, `code`) THEN it shows literally', () => {
    const escaped = escapeText('See *Comrade Stalin* and __Inoy Stalin__, ref `rei-4k9x2` ~~x~~ ||y||');
    expect(escaped).not.toMatch(/(?<!\\)\*/);
    expect(escaped).not.toMatch(/(?<!\\)`/);
    expect(unescapeMarkdown(escaped)).toBe('See *Comrade Stalin* and __Inoy Stalin__, ref `rei-4k9x2` ~~x~~ ||y||');
  });

  test('GIVEN a line starting with ">" or "#" THEN it cannot become a quote or heading', () => {
    expect(escapeText('> not a quote')).toBe('\\> not a quote');
    expect(escapeText('# not a heading')).toBe('\\# not a heading');
  });
});

describe('truncateAtWord', () => {
  test('GIVEN a long label THEN it is cut at a space and marked with an ellipsis', () => {
    const label = 'Stalin’s underlings quickly fell in line with his thinking and a conspiracy was found';
    const short = truncateAtWord(label, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short.endsWith('…')).toBe(true);
    expect(label.startsWith(short.slice(0, -1))).toBe(true);
    expect(label[short.length - 1]).toBe(' ');
  });

  test('GIVEN text within the limit THEN it is unchanged', () => {
    expect(truncateAtWord('Kirov', 100)).toBe('Kirov');
  });
});

describe('escapeText on long and tricky input', () => {
  test('GIVEN a masked link whose text has spaces THEN it cannot render as a link', () => {
    const escaped = escapeText('See [the full Radio Liberty report](https://www.svoboda.org/a/30078046.html) here');
    expect(escaped).toContain('\\[the full Radio Liberty report](https://www.svoboda.org/a/30078046.html)');
    expect(escaped).not.toMatch(/(?<!\\)\[/);
  });

  test('GIVEN a URL with underscores THEN it is kept intact so it still links', () => {
    expect(escapeText('https://example.org/lubyanka_stalin_vck.pdf')).toBe('https://example.org/lubyanka_stalin_vck.pdf');
  });

  test('GIVEN a backslash before markdown in the corpus THEN it shows literally, not as an escape', () => {
    expect(escapeText('a \\*b* c')).toBe('a \\\\\\*b\\* c');
  });

  test('GIVEN a 40,000-character paragraph on one line THEN escaping stays fast (linear)', () => {
    const line = EMELYANOV_PARAGRAPHS.join(' ').replace(/\n/g, ' ').slice(0, 40_000);
    const started = performance.now();
    const escaped = escapeText(line);
    expect(performance.now() - started).toBeLessThan(500);
    expect(unescapeMarkdown(escaped)).toBe(line);
  });

  test('GIVEN short corpus text THEN the result is what escapeMarkdown gives (plus the quote and link guards)', async () => {
    const { escapeMarkdown } = await import('discord.js');
    for (const text of EMELYANOV_PARAGRAPHS.slice(0, 10)) {
      const sentence = text.slice(0, 180);
      expect(escapeText(sentence)).toBe(escapeMarkdown(sentence, { heading: true, bulletedList: true, numberedList: true }).replaceAll('[', '\\['));
    }
  });
});
