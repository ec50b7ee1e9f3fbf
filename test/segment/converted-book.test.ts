import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { segmentConvertedBook } from '../../src/segment/profiles/converted-book.ts';
import type { SegPassage } from '../../src/segment/types.ts';

const raw = readFileSync(new URL('../../corpus/reiman-2016-about-russia.txt', import.meta.url), 'utf8');
const rawLines = raw.split('\n');
const seg = segmentConvertedBook(raw);

const CH5 = `5. Stalin's "Soft Course" and the Soviet 1930s Phenomenon`;
const CH6 = `6. Stalin's "St. Bartholomew's Day"`;

function passageWith(snippet: string): SegPassage {
  const found = seg.passages.filter((p) => p.text.includes(snippet));
  expect(found, `passages containing ${JSON.stringify(snippet)}`).toHaveLength(1);
  return found[0]!;
}

function extra(kind: string): string {
  const e = seg.extras.filter((x) => x.kind === kind);
  expect(e, `extras of kind ${kind}`).toHaveLength(1);
  return e[0]!.text;
}

describe('converted-book profile on Reiman, About Russia (2016)', () => {
  describe('counts', () => {
    it('GIVEN the monograph THEN it finds 11 chapters, 29 sections, Introduction and Conclusion', () => {
      expect(seg.sections).toHaveLength(42);
      const chapters = seg.sections.filter((s) => s.path.length === 1 && /^\d+\. /.test(s.path[0]!));
      expect(chapters.map((s) => s.path[0]!.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
      expect(seg.sections.filter((s) => s.path.length === 2)).toHaveLength(29);
      const topLevel = seg.sections.filter((s) => s.path.length === 1 && !/^\d+\. /.test(s.path[0]!)).map((s) => s.path[0]);
      expect(topLevel).toEqual(['Introduction', 'A Few Words in Conclusion']);
    });

    it('GIVEN 537 physical body lines THEN about 400 logical passages come out', () => {
      expect(seg.passages.length).toBeGreaterThanOrEqual(385);
      expect(seg.passages.length).toBeLessThanOrEqual(410);
      expect(seg.passages.every((p) => p.kind === 'body')).toBe(true);
    });

    it('GIVEN 381 footnote markers THEN all 381 notes are linked exactly once, in order', () => {
      const numbers = seg.passages.flatMap((p) => p.notes.map((n) => Number(n.number)));
      expect(numbers).toHaveLength(381);
      expect(numbers).toEqual(Array.from({ length: 381 }, (_, i) => i + 1));
      expect(seg.passages.flatMap((p) => p.notes).every((n) => n.text.length > 10)).toBe(true);
    });

    it('GIVEN the back matter THEN front matter, TOC, summary, bibliography and index are extras', () => {
      expect(seg.extras.map((e) => e.kind).sort()).toEqual(['bibliography', 'front_matter', 'index', 'summary', 'toc']);
      expect(extra('bibliography').split('\n')).toHaveLength(94);
    });
  });

  describe('headings', () => {
    it('GIVEN chapter headings with #, ## or ### marks THEN the "N." heading is a chapter whatever its level', () => {
      const paths = seg.sections.map((s) => s.path);
      expect(paths).toContainEqual(['3. The NEP Crisis and Suppressing of the Left Opposition']);
      // `####` section under a `###` chapter
      expect(paths).toContainEqual(['3. The NEP Crisis and Suppressing of the Left Opposition', 'The Year 1925 and Crush of Soviet Industrial Planing']);
    });

    it('GIVEN a bold-wrapped section heading THEN sectionPath carries it without ** marks', () => {
      const p = passageWith('On December 1 of that year, Leonid Nikolayev');
      expect(p.sectionPath).toEqual([CH5, "Kirov's Murder and the Turning Point in Stalin's Domestic Policy"]);
      expect(seg.sections.flatMap((s) => s.path).some((t) => /\*|#/.test(t))).toBe(false);
    });

    it('GIVEN a chapter without sections THEN its passages have a one-element path', () => {
      expect(passageWith('Stalin received a total of 383 lists').sectionPath).toEqual([CH6]);
    });

    it('GIVEN a body line starting "1946. Yelena Zubkova" THEN it is not taken for a chapter heading', () => {
      expect(seg.sections.some((s) => s.path.some((t) => t.startsWith('1946')))).toBe(false);
      expect(passageWith('which he promoted in 1946. Yelena Zubkova, the Russian author').sectionPath[0]).toBe('10. The USSR and East-Central Europe');
    });

    it('GIVEN the Conclusion after the last chapter THEN it is top-level, not a section of chapter 11', () => {
      const p = passageWith('did not pass out of existence because of a war against democratic states');
      expect(p.sectionPath).toEqual(['A Few Words in Conclusion']);
    });

    it('GIVEN index letter headings and the Bibliography THEN they are not sections', () => {
      const titles = seg.sections.flatMap((s) => s.path);
      for (const t of ['A', 'Z', 'Bibliography', 'Index', 'Резюме', 'Content']) expect(titles).not.toContain(t);
    });
  });

  describe('footnote blocks and page breaks', () => {
    it('GIVEN a sentence cut by a footnote block THEN the passage rejoins it', () => {
      const p = passageWith('The Stalinist terror was a complex historical phenomenon.');
      expect(p.lines).toEqual([199, 207]);
      expect(passageWith('half of those jailed – received no judicial hearing of any kind.').lines).toEqual([209, 217]);
    });

    it('GIVEN a numeric claim split across the page THEN the passage reads it whole', () => {
      const p = passageWith('In 1930–31, approximately 380,000 peasant families were moved, amounting to 1,800,000 persons.');
      expect(p.notes.map((n) => n.number)).toContain('105');
    });

    it('GIVEN "Georgi L." before the block and "Pyatakov" after it THEN the name is rejoined', () => {
      const p = passageWith(
        'A number of other former opposition members—Georgi L. Pyatakov, Leonid P. Serebryakov, Karl Radek and Grigori Ya. Sokolnikov—were also brought for judgment',
      );
      expect(p.lines).toEqual([1347, 1359]);
      expect(p.pages).toEqual({ start: 104, end: 105, approximate: true });
    });

    it('GIVEN a plain page break without footnotes THEN the paragraph is rejoined', () => {
      passageWith('even more so since it is far from complete. Our own sympathies lie with those concepts');
      passageWith('Its Western part, home to 30 million people with a European orientation');
      passageWith('About 70% of its targets were met, with annual production increments oscillating around 14.5%.');
      const conclusion = passageWith('made a significant contribution to defeating Nazism and fascism in Europe.');
      expect(conclusion.lines).toEqual([2369, 2371]);
    });

    it("GIVEN the continuation of the previous page's footnote THEN it is appended to that note, not to the body", () => {
      const notes = new Map(seg.passages.flatMap((p) => p.notes.map((n) => [n.number, n.text] as const)));
      expect(notes.get('23')).toMatch(/The fact that he was an assimilated Jew and therefore unacceptable as head of the country to the Russian establishment/);
      expect(notes.get('27')).toContain('Berlin, Aufbau-Verlag 2003. These attitudes were also manifested');
      expect(notes.get('209')).toContain('229 at the rank of "Comdiv" or corresponding, 125 of whom were arrested');
      for (const snippet of ['unacceptable as head of the country', 'These attitudes were also manifested', 'for Ryutin at the Politburo']) {
        expect(seg.passages.some((p) => p.text.includes(snippet))).toBe(false);
      }
    });

    it('GIVEN footnote lines THEN no passage contains footnote text', () => {
      const notes = seg.passages.flatMap((p) => p.notes);
      for (const n of notes) {
        const head = n.text.slice(0, 40);
        expect(
          seg.passages.some((p) => p.text.includes(head)),
          `note ${n.number}`,
        ).toBe(false);
      }
      // Physical footnote lines of the source (after a `---` rule) never begin a passage.
      const noteLineStarts = new Set<number>();
      for (let i = 0; i < rawLines.length; i++) if (/^\d{1,3} \S/.test(rawLines[i]!) && i > 200 && i < 2360) noteLineStarts.add(i + 1);
      expect(noteLineStarts.size).toBeGreaterThanOrEqual(381);
      expect(seg.passages.some((p) => noteLineStarts.has(p.lines[0]))).toBe(false);
    });

    it('GIVEN a passage with a footnote marker THEN the note is linked to it with its full text', () => {
      const p = passageWith('Moscow Pravda commented. With the abolition of multistage elections');
      const note = p.notes.find((n) => n.number === '163');
      expect(note).toEqual(expect.objectContaining({ number: '163', text: 'Pravda, 26.11.1936.' }));
      // Its marker's place in the clean text follows the words it annotates.
      expect(p.text.slice(0, note!.at).trimEnd()).toMatch(/Pravda commented\.?$/);
      expect(passageWith('It is in this context that we must approach Lenin').notes.map((n) => n.number)).toEqual(['6']);
    });

    it('GIVEN ordinal superscripts THEN they become plain text and are not notes', () => {
      const notes = new Map(seg.passages.flatMap((p) => p.notes.map((n) => [n.number, n.text] as const)));
      expect(notes.get('4')).toContain('during the 16th Congress of VKS/b');
      expect(notes.get('16')).toContain('from the early 20th century');
      expect(notes.get('243')).toContain('commander of the 2nd Army');
      expect([...notes.keys()].every((k) => /^\d+$/.test(k))).toBe(true);
    });
  });

  describe('clean passage text', () => {
    it('GIVEN the raw markup THEN no passage contains <sup>, superscripts, rules, leaders, ** or heading marks', () => {
      for (const p of seg.passages) {
        expect(p.text).not.toMatch(/<\/?sup>|[⁰¹²³⁴-⁹]|---|\.{5}|\*\*|^#|\n/u);
        expect(p.text).toBe(p.text.trim());
      }
    });

    it('GIVEN an escaped dollar sign THEN the backslash is dropped and the words kept', () => {
      expect(passageWith('A request for a $1 billion loan made in February 1944').text).not.toContain('\\');
    });

    it('GIVEN real hyphens and dashes THEN they are kept', () => {
      passageWith('tied to ‘Marxist-Leninist’ postulates');
      passageWith('In 1937–38, this mass terror, directed against social elites');
      passageWith("The USSR's alliance with the Western powers was not problem-free.");
      passageWith('These included the Austro-Prussian War of 1866');
    });

    it('GIVEN the front matter and TOC THEN none of it is a passage', () => {
      const all = seg.passages.map((p) => p.text).join('\n');
      for (const s of ['ISBN', 'peer reviewed', 'Knowledge Unlatched', 'Deutsche Nationalbibliothek', 'PRAGER SCHRIFTEN']) {
        expect(all).not.toContain(s);
      }
      expect(seg.passages[0]!.lines[0]).toBe(165);
      expect(extra('front_matter')).toContain('This publication has been peer reviewed.');
      const toc = extra('toc');
      expect(toc).toContain('22 June 1941 121');
      expect(toc).not.toContain('.....');
    });

    it('GIVEN the Russian summary THEN it is a summary extra with its page breaks rejoined, not passages', () => {
      const summary = extra('summary');
      expect(summary.split('\n\n')).toHaveLength(5);
      expect(summary).toContain('и сохранения «внутрипартийного единства» привел');
      expect(summary).toContain('несмотря на все различия строю СССР');
      expect(seg.passages.some((p) => /[А-Яа-я]{4}/.test(p.text) && p.text.includes('Предметом'))).toBe(false);
      expect(seg.passages.some((p) => /[«»]/.test(p.text) && /[а-я]{6}/.test(p.text))).toBe(false);
    });
  });

  describe('pages', () => {
    it('GIVEN section headings THEN each starts on its TOC page', () => {
      const start = (title: string) => seg.sections.find((s) => s.path[s.path.length - 1] === title)?.pages?.start;
      expect(start('Introduction')).toBe(7);
      expect(start('The Russian Revolution of 1917 and Its Causes. Russian Marxism and the Bolshevics as a Political Party')).toBe(15);
      expect(start("Kirov's Murder and the Turning Point in Stalin's Domestic Policy")).toBe(91);
      expect(start('22 June 1941')).toBe(121);
      expect(start('Tehran')).toBe(143);
      expect(start('A Few Words in Conclusion')).toBe(177);
      const chapterStarts = seg.sections.filter((s) => s.path.length === 1 && /^\d/.test(s.path[0]!)).map((s) => s.pages?.start);
      expect(chapterStarts).toEqual([13, 25, 49, 61, 85, 101, 113, 121, 137, 149, 169]);
      expect(seg.sections.every((s) => s.pages?.approximate === true)).toBe(true);
    });

    it('GIVEN counted page breaks THEN each section ends on or just before the next section start', () => {
      for (let i = 0; i + 1 < seg.sections.length; i++) {
        const cur = seg.sections[i]!;
        const next = seg.sections[i + 1]!;
        if (next.path.length === 2 && cur.path.length === 1) continue; // a chapter heading followed by its first section
        const gap = next.pages!.start - cur.pages!.end;
        expect(gap, `${cur.path.join(' › ')} → ${next.path.join(' › ')}`).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(2);
      }
    });

    it('GIVEN the passage where Nikolayev kills Kirov THEN it is on p. 93 (Index: Nikolayev 93, 94)', () => {
      expect(passageWith('Leonid Nikolayev, a former party member and functionaries, murdered Sergei M. Kirov').pages).toEqual({
        start: 93,
        end: 93,
        approximate: true,
      });
    });

    it("GIVEN Stalin's 383 lists THEN the passage is on p. 110", () => {
      expect(passageWith('Stalin received a total of 383 lists featuring the names of 44,161 people').pages?.start).toBe(110);
    });

    it('GIVEN 353,074 death sentences THEN the passage is on p. 116', () => {
      expect(passageWith('In 1937, 353,074 ordinary citizens were sentenced to death.').pages?.start).toBe(116);
    });

    it('GIVEN the Index page lists THEN nearly every reference falls on a passage naming the person (±1 page)', () => {
      let total = 0;
      let hits = 0;
      for (const e of seg.indexEntries) {
        const surname = e.name.split(/[,\s]/)[0]!;
        for (const part of e.pages
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const m = /^(\d+)(?:\s*[–-]\s*(\d+))?$/.exec(part);
          if (!m) continue;
          for (let pg = Number(m[1]); pg <= Number(m[2] ?? m[1]); pg++) {
            total++;
            const hit = seg.passages.some(
              (p) =>
                p.pages !== null &&
                p.pages.start - 1 <= pg &&
                pg <= p.pages.end + 1 &&
                (p.text.includes(surname) || p.notes.some((n) => n.text.includes(surname))),
            );
            if (hit) hits++;
          }
        }
      }
      expect(total).toBeGreaterThan(500);
      expect(hits / total).toBeGreaterThanOrEqual(0.95);
    });
  });

  describe('index', () => {
    const entry = (name: string) => seg.indexEntries.find((e) => e.name === name);

    it('GIVEN about 93 person entries under letter headings THEN they are parsed and letters are not entries', () => {
      expect(seg.indexEntries.length).toBeGreaterThanOrEqual(90);
      expect(seg.indexEntries.length).toBeLessThanOrEqual(95);
      expect(seg.indexEntries.some((e) => /^\p{Lu}$/u.test(e.name) || e.name.includes('*') || e.name.startsWith('#'))).toBe(false);
      expect(entry('Nikolayev, Leonid')?.pages).toBe('93, 94');
      expect(entry('Zubkova, Yelena')?.pages).toBe('153');
    });

    it('GIVEN entries wrapped over several lines THEN their page lists are joined', () => {
      expect(entry('Bukharin, Nikolay I.')?.pages).toBe('29, 33, 35, 36, 42–48');
      expect(entry('Yezhov, Nikolay I.')?.pages).toBe('95, 100, 103, 105–107, 109, 110, 114, 119, 120');
      expect(entry('Hitler, Adolf')?.pages.endsWith('172, 177, 178')).toBe(true);
      expect(entry('Stalin, Iosif V.')?.pages).toContain('132, 133, 137–150, 152–164');
      expect(entry('Ordzhonikidze, Grigori (Sergo) K.')?.pages).toBe('31, 104, 105, 115');
    });

    it('GIVEN entries without pages or with odd punctuation THEN names are kept as printed', () => {
      expect(entry('Budionny, Semion M.')?.pages).toBe('');
      expect(entry('Pyotr I.')?.pages).toBe('');
      expect(entry('Avel')?.pages).toBe('101');
      expect(entry('Beneš, Edvard')?.pages).toBe('152');
      expect(entry('Sokolnikov, Grigory Ya.')?.pages).toBe('69, 105');
    });
  });
});
