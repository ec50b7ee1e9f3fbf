import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { noteComment } from '../../src/corpus/note-text.ts';
import { allText, ask, corpusBot, quotes } from '../support/corpus-bot.ts';

// Reiman (2016), notes 119, 122 and 134 as the corpus holds them.
const RYUTIN = {
  number: '119',
  text: "Pis'ma I. V. Stalina V. M. Molotovu 1925–1936 gg., pp. 218, 220. Ryutin conceived two characteristic documents: A letter to party members and a treaty requesting Stalin and his regime be removed. He was sentenced to 10 years in prison and died during the purges in 1930s. For more details see Starkov B. A., Dielo Ryutina, in: Oni ne molchali, 145–178.",
};

describe('a footnote’s comment', () => {
  it('GIVEN a note that cites, then comments THEN the comment only, verbatim, up to the next reference', () => {
    const c = noteComment(RYUTIN);
    expect(c).toBe(
      'Ryutin conceived two characteristic documents: A letter to party members and a treaty requesting Stalin and his regime be removed. He was sentenced to 10 years in prison and died during the purges in 1930s.',
    );
    expect(RYUTIN.text).toContain(c);
  });

  it('GIVEN a bare reference, a transliterated Russian title, or a citation cut at an abbreviation THEN no comment', () => {
    expect(noteComment({ number: '134', text: 'KPSS v rezolyutsyakh i resheniyakh, Vol. 5, pp. 301–302.' })).toBeNull();
    expect(noteComment({ number: '9', text: 'Khlevniuk, Chozjain: Stalin i utverzheniye stalinskoy diktatury, pp. 154–156.' })).toBeNull();
    expect(noteComment({ number: '88', text: 'Petrovsky in his article “Poslednij Rot front, (in: Oni ne molchali (ed.' })).toBeNull();
    expect(noteComment({ number: '283', text: 'The agreement was concluded for 20 years, i.e.' })).toBeNull();
    expect(noteComment({ number: '84', text: 'The facts are taken from W. Krivitsky, I Was Stalin’s Agent.' })).toBeNull();
  });

  it('GIVEN a reference then a semicolon then a comment THEN the comment alone', () => {
    // Reiman, note 222.
    expect(
      noteComment({
        number: '222',
        text: 'Knight A., Beria: Stalin’s First Lieutenant, Princeton University Press, 1995; Beria was appointed to the NKVD via a politburo resolution dated 21.8.1938.',
      }),
    ).toBe('Beria was appointed to the NKVD via a politburo resolution dated 21.8.1938.');
  });

  it('GIVEN a date written with full stops (1.3.1932) THEN the sentence is not cut there', () => {
    const c = noteComment({
      number: '125',
      text: 'A letter Trotsky wrote to the CIK of the USSR on 1.3.1932, in which he reacted to being deprived of his citizenship, was misused by the prosecution.',
    });
    expect(c).toContain('on 1.3.1932, in which he reacted');
  });
});

describe('footnotes beside an answer', () => {
  let bot: CoreBot;
  beforeAll(() => {
    bot = corpusBot();
  });

  it('GIVEN /ask on Alliluyeva’s suicide THEN Reiman’s note 122 on its interpretations is quoted after his sentence, cited to the note', async () => {
    const r = await ask(bot, '/ask Why did Stalin’s wife Nadezhda Alliluyeva kill herself?');
    const note = r.citations.find((c) => c.note === '122');
    expect(note?.attribution).toBe('Reiman (2016, ch. 4, pp. 82–83), note 122');
    expect(note?.quote).toContain('Some authors attribute it to the political tensions of the era, others to family tensions.');
    expect(quotes(r).indexOf(note!.quote)).toBe(1);
    expect(allText(r)).toContain('note 122');
  });

  it('GIVEN /compare THEN no footnotes: a comparison quotes the sources’ texts side by side', async () => {
    const r = await ask(bot, '/compare collectivization');
    expect(r.citations.some((c) => c.note !== undefined)).toBe(false);
  });
});
