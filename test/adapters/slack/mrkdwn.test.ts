import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, clipWords, escapeMrkdwn, splitWords } from '../../../adapters/slack/mrkdwn.ts';
import { HOSTILE_QUOTE } from '../../../loopback/slack/fake-bot.ts';

const unescapeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('escapeMrkdwn', () => {
  it('GIVEN corpus text with mention and link syntax THEN no angle bracket survives and the text round-trips', () => {
    const escaped = escapeMrkdwn(HOSTILE_QUOTE);
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toContain('&lt;!channel&gt;');
    expect(escaped).toContain('&lt;@U123&gt;');
    expect(escaped).toContain('@everyone');
    expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(unescapeEntities(escaped)).toBe(HOSTILE_QUOTE);
  });
});

describe('splitWords / chunkText', () => {
  it('GIVEN any text of words no longer than the limit THEN every chunk fits and the words come back whole and in order', () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), fc.integer({ min: 12, max: 200 }), (words, max) => {
        const chunks = chunkText(words.join(' '), max);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(max);
        expect(chunks.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
      }),
    );
  });

  it('GIVEN a prefix THEN every line of every chunk carries it and still fits', () => {
    const text = `${'Nakhayev was quickly arrested '.repeat(40)}\n\nStalin, who was then in Sochi, would have none of that.`;
    const chunks = chunkText(escapeMrkdwn(text), 300, '&gt; ');
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(300);
      for (const line of c.split('\n')) expect(line.startsWith('&gt;')).toBe(true);
    }
  });

  it('GIVEN a word longer than the limit made of escaped characters THEN it is cut without breaking an entity', () => {
    const escaped = escapeMrkdwn('<'.repeat(50));
    const pieces = splitWords(escaped, 22);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(22);
      expect(p).toMatch(/^(&lt;)+$/);
    }
    expect(pieces.join('')).toBe(escaped);
  });

  it('GIVEN blank lines THEN paragraph breaks survive inside a chunk but no chunk starts or ends blank', () => {
    const chunks = chunkText('\n\nfirst paragraph\n\nsecond paragraph\n\n', 3000);
    expect(chunks).toEqual(['first paragraph\n\nsecond paragraph']);
  });
});

describe('clipWords', () => {
  it('GIVEN a label longer than the limit THEN it ends at a word boundary with an ellipsis', () => {
    const clipped = clipWords('Show every passage that mentions the Military Academy', 30);
    expect(clipped.length).toBeLessThanOrEqual(30);
    expect(clipped).toBe('Show every passage that…');
  });
});
