import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCitationLine, parseCitation, readQuoteUnits, segmentQuoteCompilation } from '../../src/segment/profiles/quote-compilation.ts';
import type { SegPassage } from '../../src/segment/types.ts';

const FILE = fileURLToPath(new URL('../../corpus/real-stalin-series-11-fifth-column.txt', import.meta.url));
const raw = readFileSync(FILE, 'utf8');
const rawLines = raw.split('\n');
const doc = segmentQuoteCompilation(raw);

/** The passage assembled from physical line `n` (1-based). */
function at(n: number): SegPassage {
  const p = doc.passages.find((q) => q.lines[0] <= n && n <= q.lines[1]);
  if (!p) throw new Error(`no passage covers line ${n}`);
  return p;
}

function startingWith(prefix: string): SegPassage {
  const p = doc.passages.find((q) => q.text.startsWith(prefix));
  if (!p) throw new Error(`no passage starts with ${prefix}`);
  return p;
}

describe('quote-compilation profile on "The Real Stalin Series Part 11: The Fifth Column"', () => {
  describe('counts', () => {
    it('GIVEN the whole compilation THEN it finds exactly the 176 editorial headings as flat sections', () => {
      expect(doc.sections).toHaveLength(176);
      expect(doc.sections.every((s) => s.path.length === 1 && s.pages === null)).toBe(true);
      expect(doc.sections[0]!.path).toEqual(['FIFTH COLUMNISTS']);
      expect(doc.sections[175]!.path).toEqual(['SOME WORKING GROUPS ADMIT SABOTAGE']);
    });

    it('GIVEN the whole compilation THEN it reads ≈380 cited quote units and no uncited ones', () => {
      const { units } = readQuoteUnits(raw);
      expect(units.length).toBeGreaterThanOrEqual(370);
      expect(units.length).toBeLessThanOrEqual(390);
      expect(units.every((u) => u.citation !== null)).toBe(true);
    });

    it('GIVEN the whole compilation THEN it yields ≈820 passages, no notes, no pages, no index entries', () => {
      expect(doc.passages.length).toBeGreaterThanOrEqual(810);
      expect(doc.passages.length).toBeLessThanOrEqual(860);
      expect(doc.passages.every((p) => p.notes.length === 0)).toBe(true);
      expect(doc.passages.every((p) => p.pages === null)).toBe(true);
      expect(doc.indexEntries).toEqual([]);
    });

    it('GIVEN every passage THEN it belongs to one of the detected headings and carries a citation', () => {
      const headings = new Set(doc.sections.map((s) => s.path[0]));
      for (const p of doc.passages) {
        expect(p.sectionPath).toHaveLength(1);
        expect(headings.has(p.sectionPath[0])).toBe(true);
        expect(p.quotedFrom).not.toBeNull();
      }
    });
  });

  describe('headings', () => {
    it('GIVEN headings with typos THEN they are kept verbatim', () => {
      const paths = doc.sections.map((s) => s.path[0]);
      expect(paths).toContain('YEZHNOV ADMITS MANY SUBVERSIVES WERE IN THE GOVT');
      expect(paths).toContain('LITTLEPAGE SHOWED THE SABOTAGE CHARGES WERE VALID & NOT ANTI-0PPONENT EXCUSES');
    });

    it('GIVEN an ALL-CAPS sentence inside a Stalin quotation (no blank lines around it) THEN it is a passage, not a heading', () => {
      expect(doc.sections.some((s) => s.path[0]!.startsWith('WE SEND PEOPLE'))).toBe(false);
      const p = startingWith('WE SEND PEOPLE, BUT WE DO NOT KNOW THESE PEOPLE 100%');
      expect(p.kind).toBe('quote');
      expect(p.sectionPath).toEqual(['STALIN EXPLAINS HOW SPYING GOT GOING AND HOW IT SHOULD HAVE BEEN PREVENTED']);
      expect(p.quotedFrom?.pages).toBe('p. 115-127');
    });

    it('GIVEN a heading line THEN it is never glued to or repeated in a passage', () => {
      for (const s of doc.sections) expect(doc.passages.some((p) => p.text === s.path[0])).toBe(false);
      expect(at(9).text.startsWith('What is the fifth column?')).toBe(true);
    });
  });

  describe('web page furniture', () => {
    it('GIVEN the page title, the duplicated image caption and the share/nav footer THEN they are extras', () => {
      expect(doc.extras).toContainEqual({ kind: 'front_matter', text: 'The Real Stalin Series Part 11: The Fifth Column' });
      expect(doc.extras.filter((e) => e.kind === 'caption')).toEqual([{ kind: 'caption', text: 'Leon Trotsky, Mexico, 1937' }]);
      const footer = doc.extras.filter((e) => e.kind === 'boilerplate').map((e) => e.text);
      expect(footer).toEqual([
        'Share this:',
        'Previous',
        'The Real Stalin Series Part 10: The Famine of 1932',
        'Next',
        'The Real Stalin Series Part 12: The Moscow Trials',
      ]);
    });

    it('GIVEN the furniture THEN no passage contains it', () => {
      for (const t of ['Leon Trotsky, Mexico, 1937', 'Share this:', 'The Real Stalin Series Part']) {
        expect(doc.passages.some((p) => p.text.includes(t))).toBe(false);
      }
      expect(doc.passages.some((p) => p.text === 'Previous' || p.text === 'Next')).toBe(false);
      expect(Math.max(...doc.passages.map((p) => p.lines[1]))).toBe(2072);
      expect(Math.min(...doc.passages.map((p) => p.lines[0]))).toBe(9);
    });
  });

  describe('attaching quotes to citations', () => {
    it('GIVEN the dense layout (quote line directly above its citation) THEN the passage gets the parsed citation', () => {
      expect(at(9).quotedFrom).toEqual({
        citation: 'Strong, Anna L. The Soviets Expected It. New York, New York: The Dial press, 1941, p. 121',
        author: 'Strong, Anna L.',
        title: 'The Soviets Expected It',
        year: 1941,
        pages: 'p. 121',
      });
      expect(at(12).quotedFrom?.author).toBe('Strong, Anna Louise');
      expect(at(12).quotedFrom?.title).toBe('The Stalin Era');
    });

    it('GIVEN two paragraphs of one unit THEN both get the next citation line', () => {
      expect(at(21).text.startsWith('…The picture is clearly not a simple one of Stalin')).toBe(true);
      expect(at(21).quotedFrom?.pages).toBe('p. 68');
      expect(at(22).quotedFrom?.pages).toBe('p. 68');
    });

    it('GIVEN the loose layout (blank lines between paragraphs and before the citation) THEN paragraphs still attach to the next citation', () => {
      expect(at(646).quotedFrom?.pages).toBe('p. 10');
      for (const n of [668, 670, 672]) {
        expect(at(n).quotedFrom?.title).toBe('Comrade X');
        expect(at(n).quotedFrom?.pages).toBe('p. 48');
      }
      expect(at(700).quotedFrom?.author).toBe('Svanidze, Budu');
      expect(at(702).quotedFrom?.year).toBe(1953);
    });

    it('GIVEN citation lines THEN none of them is a passage', () => {
      for (const p of doc.passages) expect(isCitationLine(p.text)).toBe(false);
      expect(doc.passages.some((p) => p.text.startsWith('J. Arch Getty, Origins'))).toBe(false);
      expect(doc.passages.some((p) => p.text.startsWith('Martens, Ludo.'))).toBe(false);
    });

    it('GIVEN a 28-paragraph Stalin speech under one citation THEN every paragraph carries it', () => {
      const speech = doc.passages.filter((p) => p.lines[0] >= 1361 && p.lines[1] <= 1388);
      expect(speech).toHaveLength(28);
      expect(new Set(speech.map((p) => p.quotedFrom?.citation))).toEqual(
        new Set(['Lucas and Ukas. Trans. and Ed. Secret Documents. Toronto, Canada: Northstar Compass, 1996, p. 115-127']),
      );
      expect(speech[0]!.quotedFrom?.author).toBe('Lucas and Ukas');
      expect(speech[0]!.quotedFrom?.title).toBe('Secret Documents');
    });
  });

  describe('nested citation inside a quote', () => {
    it('GIVEN "J. Arch Getty, Origins … p. 177." inside a Martens excerpt THEN the unit is not closed early', () => {
      for (const n of [806, 808, 810, 812, 814, 816]) {
        expect(at(n).quotedFrom?.author).toBe('Martens, Ludo');
        expect(at(n).quotedFrom?.pages).toBe('p. 191 [p. 167 on the NET]');
      }
    });

    it('GIVEN the quotation right above the nested citation THEN it is attributed to Getty, quoted in Martens', () => {
      const q = at(802);
      expect(q.text.startsWith('“We endeavored to expel as many people from the party as possible.')).toBe(true);
      expect(q.quotedFrom?.author).toBe('Getty, J. Arch');
      expect(q.quotedFrom?.title).toBe('Origins of the Great Purges: The Soviet Communist Party Reconsidered, 1933–1938');
      expect(q.quotedFrom?.year).toBe(1985);
      expect(q.quotedFrom?.pages).toBe('p. 177');
      expect(q.quotedFrom?.citation).toContain('Quoted in: Martens, Ludo. Another View of Stalin.');
    });

    it('GIVEN the lead-in before the nested quotation THEN it keeps Martens and mentions the cited work', () => {
      const lead = at(800);
      expect(lead.text.startsWith('…Opponents hiding within the party')).toBe(true);
      expect(lead.quotedFrom?.author).toBe('Martens, Ludo');
      expect(lead.quotedFrom?.citation).toContain('Citing: J. Arch Getty, Origins of the Great Purges');
    });
  });

  describe('context notes and restriction notes', () => {
    it('GIVEN a bracket-only context line THEN it prefixes the following quote paragraph', () => {
      const p = at(468);
      expect(p.lines).toEqual([468, 469]);
      expect(p.kind).toBe('quote');
      expect(
        p.text.startsWith('[Letter from Shcherbakov in Irkutsk to Zhdanov on June 18th 1937] I consider it necessary to inform you of the following fact:'),
      ).toBe(true);
    });

    it('GIVEN a context line followed by a blank line THEN it still prefixes the next paragraph', () => {
      expect(at(1124).lines).toEqual([1124, 1126]);
      expect(at(1126).text.startsWith('[Jan. 2, 1936 memorandum from Tal')).toBe(true);
    });

    it('GIVEN every bracket-only line of the file THEN its text survives in some passage', () => {
      const notes = rawLines.filter((l) => /^\[[^[\]]+\][.,:;]?$/u.test(l.trim()));
      expect(notes.length).toBeGreaterThanOrEqual(30);
      for (const n of notes) expect(doc.passages.some((p) => p.text.includes(n.trim()))).toBe(true);
    });

    it('GIVEN a bracketed note with no quote paragraph after it in its unit THEN it is its own body passage with the unit citation', () => {
      const p = at(541);
      expect(p.kind).toBe('body');
      expect(p.text.startsWith('[Footnote: The memoir of one of Kirov’s Leningrad co-workers')).toBe(true);
      expect(p.quotedFrom?.citation).toBe('Getty and Manning. Stalinist Terror. Cambridge, NY: Cambridge University Press, 1993, p. 45');
      expect(doc.passages.filter((q) => q.kind === 'quote').some((q) => q.text.includes('[Footnote:'))).toBe(false);
    });

    it('GIVEN a parenthetical stage note inside a unit THEN it prefixes the next paragraph', () => {
      expect(at(1018).text.startsWith('(Akulov explains the Trot position) “What shall we have tonight?” asked the Starost')).toBe(true);
    });

    it('GIVEN "(Sinclair’s comments only)" opening a unit THEN it ends up in quotedFrom.citation, not in a passage', () => {
      expect(at(1188).quotedFrom?.citation).toBe(
        'Sinclair and Lyons. Terror in Russia?: Two Views. New York : Rand School Press, 1938, p. 13 (Sinclair’s comments only)',
      );
      expect(at(1261).quotedFrom?.citation.endsWith('(Sinclair’s comments only)')).toBe(true);
      expect(at(1279).quotedFrom?.pages).toBe('p. 57');
      expect(doc.passages.some((p) => p.text.includes('(Sinclair’s comments only)'))).toBe(false);
      expect(at(1188).text.startsWith('That Germany and Poland')).toBe(true);
    });
  });

  describe('paragraph text', () => {
    it('GIVEN a hard line break inside a paragraph (next line starts lowercase) THEN the lines are merged', () => {
      const p = at(1559);
      expect(p.lines).toEqual([1558, 1559]);
      expect(p.text).toContain('such of his writings on these questions as have been published to date.');
      expect(doc.passages.some((q) => q.text.startsWith('questions as have been published'))).toBe(false);
    });

    it('GIVEN enumeration items "a) … b) … c)" THEN they stay separate paragraphs', () => {
      expect(at(499).text.startsWith('a) Of carrying on acts of bacteriological subversion')).toBe(true);
      expect(at(500).text.startsWith('b) Of undermining')).toBe(true);
      expect(at(499).lines).toEqual([499, 499]);
    });

    it('GIVEN typos and mojibake in the source THEN text stays verbatim', () => {
      expect(at(1898).text).toContain('frameups whose sole r™le was to eliminate political opponents');
      expect(at(2034).text.startsWith('t was then “revealed” that “saboteurs…')).toBe(true);
      expect(at(2034).quotedFrom?.year).toBe(1991);
    });

    it('GIVEN an inline "Footnote:" paragraph inside a unit THEN it is its own passage, not glued to the quote above', () => {
      expect(at(157).text.endsWith('must be destroyed by violence.')).toBe(true);
      expect(at(158).text.startsWith('Footnote: but in the Bulletin of the Opposition')).toBe(true);
      expect(at(158).quotedFrom?.pages).toBe('p. 264');
    });

    it('GIVEN all passages THEN none contains markup, superscripts, rules, leaders or line breaks', () => {
      for (const p of doc.passages) {
        expect(p.text).not.toMatch(/<sup>|[⁰¹²³⁴-⁹]|---|\.{5}|\n/u);
        expect(p.text).toBe(p.text.trim());
        expect(p.text.length).toBeGreaterThan(0);
      }
    });
  });

  describe('parseCitation', () => {
    it('GIVEN a comma-style citation with translator and c-year THEN title stops at "?," and year reads c2001', () => {
      expect(
        parseCitation('Chase, William J., Enemies Within the Gates?, translated by Vadim A. Staklo, New Haven: Yale University Press, c2001, p. 411.'),
      ).toEqual({
        citation: 'Chase, William J., Enemies Within the Gates?, translated by Vadim A. Staklo, New Haven: Yale University Press, c2001, p. 411.',
        author: 'Chase, William J.',
        title: 'Enemies Within the Gates?',
        year: 2001,
        pages: 'p. 411',
      });
    });

    it('GIVEN a one-letter last title word before the imprint THEN the title is not mistaken for an initial', () => {
      const w = parseCitation('Tokaev, Grigori. Comrade X. London: Harvill Press,1956, p. 47');
      expect([w.author, w.title, w.year, w.pages]).toEqual(['Tokaev, Grigori', 'Comrade X', 1956, 'p. 47']);
    });

    it('GIVEN a second pagination and no year THEN pages are verbatim and year is null', () => {
      const w = parseCitation('Martens, Ludo. Another View of Stalin. Antwerp, Belgium: EPO, Lange Pastoorstraat 25-27 2600, p. 141 [p. 121 on the NET]');
      expect([w.author, w.title, w.year, w.pages]).toEqual(['Martens, Ludo', 'Another View of Stalin', null, 'p. 141 [p. 121 on the NET]']);
    });

    it('GIVEN volume and odd page lists THEN pages are kept verbatim', () => {
      expect(parseCitation('Stalin, Joseph. Works. Moscow: Foreign Languages Pub. House, 1952, Vol. 13, p. 110').pages).toBe('Vol. 13, p. 110');
      const e = parseCitation('Edelman, Maurice. G.P.U. Justice. London: G. Allen & Unwin, ltd.,1938, p. 98. 100, 101, 103');
      expect([e.title, e.year, e.pages]).toEqual(['G.P.U. Justice', 1938, 'p. 98. 100, 101, 103']);
    });

    it('GIVEN co-authors, corporate authors and editor roles THEN author and title are separated', () => {
      const c = parseCitation('Costello, John and Oleg Tsarev. Deadly illusions. New York: Crown, c1993, p. 282');
      expect([c.author, c.title]).toEqual(['Costello, John and Oleg Tsarev', 'Deadly illusions']);
      const g = parseCitation('Getty & Naumov, The Road to Terror. New Haven, Conn.: Yale Univ. Press, c1999, p. 84');
      expect([g.author, g.title, g.year]).toEqual(['Getty & Naumov', 'The Road to Terror', 1999]);
      const k = parseCitation('Koenker and Bachman, Eds. Revelations from the Russian Archives. Washington: Library of Congress, 1997, p. 114');
      expect([k.author, k.title]).toEqual(['Koenker and Bachman', 'Revelations from the Russian Archives']);
      const h = parseCitation(
        'Commission of the Central Committee of the C.P.S.U. (B.), Ed. History of the CPSU (Bolsheviks): Short Course. Moscow: FLPH, 1939, p. 360',
      );
      expect([h.author, h.title]).toEqual(['Commission of the Central Committee of the C.P.S.U. (B.)', 'History of the CPSU (Bolsheviks): Short Course']);
    });

    it('GIVEN an article title in quotes and a journal imprint THEN the title is unquoted', () => {
      const w = parseCitation('Strong, Anna Louise. “Searching Out the Soviets.” New Republic: August 7, 1935, p. 357');
      expect([w.author, w.title, w.year, w.pages]).toEqual(['Strong, Anna Louise', 'Searching Out the Soviets', 1935, 'p. 357']);
    });

    it('GIVEN titles without a period before the imprint THEN the title stops before the place', () => {
      expect(parseCitation('Baldwin, Roger. Liberty Under the Soviets, New York: Vanguard Press, 1928, p. 195').title).toBe('Liberty Under the Soviets');
      expect(parseCitation('Tuominen, Arvo, The Bells of the Kremlin: Hanover: University Press of New England, 1983, p. 184').title).toBe(
        'The Bells of the Kremlin',
      );
      expect(parseCitation('Murphy, John Thomas. Stalin, London, John Lane, 1945, p. 165').title).toBe('Stalin');
    });

    it('GIVEN a body sentence mentioning a page THEN it is not a citation line', () => {
      expect(isCitationLine('Then, on December 1, 1934, Stalin received a wire that Kirov had been murdered.')).toBe(false);
      expect(isCitationLine('He said so on p. 12 of the report.')).toBe(false);
      expect(isCitationLine('Brar, Harpal. Trotskyism or Leninism. 1993, p. 226')).toBe(true);
    });
  });

  describe('generic rules on a synthetic compilation', () => {
    const synthetic = [
      'An Anthology of Quotes',
      '',
      'Photo: a crowd, 1936',
      '',
      'FIRST TOPIC',
      '',
      '[Speech of X in 1936]',
      'The first excerpt begins here and it',
      'continues after a hard line break.',
      'Doe, John. A Book. London: Press, 1990, p. 5',
      '',
      'A loose excerpt paragraph.',
      '',
      'Second loose paragraph.',
      '',
      'Roe, Jane. Other Book. Paris: Maison, c1985, p. 7-9',
      '',
      'SECOND TOPIC',
      '',
      'Cited text.',
      'WE MUST BE VIGILANT!',
      'Doe, John. A Book. London: Press, 1990, p. 6',
      '',
      'A closing remark by the compiler without any source.',
      '',
      'Share this:',
      '',
      'Next',
      'Next',
      '',
      'An Anthology, Part Two',
    ].join('\n');
    const s = segmentQuoteCompilation(synthetic);

    it('GIVEN a single caption line and a footer THEN they become extras', () => {
      expect(s.extras).toContainEqual({ kind: 'front_matter', text: 'An Anthology of Quotes' });
      expect(s.extras).toContainEqual({ kind: 'caption', text: 'Photo: a crowd, 1936' });
      expect(s.extras.filter((e) => e.kind === 'boilerplate').map((e) => e.text)).toEqual(['Share this:', 'Next', 'An Anthology, Part Two']);
    });

    it('GIVEN dense, loose and uncited paragraphs and a short ALL-CAPS line without blank lines around it THEN each gets the right source and no extra heading appears', () => {
      expect(s.sections.map((x) => x.path)).toEqual([['FIRST TOPIC'], ['SECOND TOPIC']]);
      expect(s.passages.map((p) => [p.text, p.kind, p.quotedFrom?.pages ?? null])).toEqual([
        ['[Speech of X in 1936] The first excerpt begins here and it continues after a hard line break.', 'quote', 'p. 5'],
        ['A loose excerpt paragraph.', 'quote', 'p. 7-9'],
        ['Second loose paragraph.', 'quote', 'p. 7-9'],
        ['Cited text.', 'quote', 'p. 6'],
        ['WE MUST BE VIGILANT!', 'quote', 'p. 6'],
        ['A closing remark by the compiler without any source.', 'body', null],
      ]);
      expect(s.passages[0]!.lines).toEqual([7, 9]);
    });
  });
});
