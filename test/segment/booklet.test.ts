import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { segmentBooklet } from '../../src/segment/profiles/booklet.ts';
import type { SegPassage } from '../../src/segment/types.ts';

const FILE = fileURLToPath(new URL('../../corpus/emelyanov-2012-stalins-purges.txt', import.meta.url));
const raw = readFileSync(FILE, 'utf8');
const out = segmentBooklet(raw);
const { passages, sections, extras } = out;

const P1 = 'PART 1: THE SOCIAL AND POLITICAL BACKGROUND';
const P2 = 'PART 2: REAL AND FALSE ENEMIES';
const P3 = 'PART 3: THE MASS PURGES AND THEIR AFTERMATH';

/** The one passage containing `s` (fails if none or several). */
function one(s: string): SegPassage {
  const hits = passages.filter((p) => p.text.includes(s));
  expect(
    hits.map((p) => p.lines),
    `passages containing ${JSON.stringify(s)}`,
  ).toHaveLength(1);
  return hits[0]!;
}
const indexOf = (p: SegPassage): number => passages.indexOf(p);
const noteNums = (p: SegPassage): string[] => p.notes.map((n) => n.number);
const allNotes = new Map(passages.flatMap((p) => p.notes).map((n) => [n.number, n.text]));

describe('booklet profile — Emelyanov, "Stalin\'s Purges" of 1937-38', () => {
  describe('structure', () => {
    it('GIVEN the CONTENTS table THEN 3 parts and 14 sections are found, in order', () => {
      const parts = sections.filter((s) => s.path.length === 1).map((s) => s.path[0]);
      const subs = sections.filter((s) => s.path.length === 2);
      expect(parts).toEqual([P1, P2, P3]);
      expect(subs).toHaveLength(14);
      expect(subs.filter((s) => s.path[0] === P1)).toHaveLength(4);
      expect(subs.filter((s) => s.path[0] === P2)).toHaveLength(6);
      expect(subs.filter((s) => s.path[0] === P3)).toHaveLength(4);
      expect(subs.map((s) => s.path[1])).toContain('"We Defeated Stalin"');
    });

    it('GIVEN a body heading with a curly apostrophe and a TOC entry with a straight one THEN they match', () => {
      expect(sections.map((s) => s.path[1])).toContain('Tukhachevsky’s Plot and Its Debacle');
      expect(one('In February 1937, Yenukidze, Peterson and several NKVD officers').sectionPath).toEqual([P2, 'Tukhachevsky’s Plot and Its Debacle']);
    });

    it('GIVEN headings ending with "?" THEN they are still headings (matched against CONTENTS)', () => {
      expect(one('Careful study of new documents and other evidence').sectionPath).toEqual([
        P1,
        'Who Were Those Arrested and Executed During the Reprisals of 1937-38?',
      ]);
      expect(one('In order to explain why the purges were launched').sectionPath[1]).toBe(
        'What Factors Were Most Important for the Soviet Union in the 1930s?',
      );
    });

    it('GIVEN the untitled text before the first section of Part 1 THEN its sectionPath is the part alone', () => {
      expect(one('Every year, before I start my lecture').sectionPath).toEqual([P1]);
      expect(one('Yet it is clear that the events of 75 years ago').sectionPath).toEqual([P1]);
      expect(one('In his report to the secret session of the 20th Congress').sectionPath).toEqual([P1, 'Old and New Explanations of the Reprisals of 1937-38']);
    });

    it('GIVEN the sidebar heading, figure caption and front-matter headings THEN none is a section and none is a passage', () => {
      const names = sections.flatMap((s) => s.path);
      for (const h of ['Recent Russian Studies on the Stalin Period', 'CONTENTS', "Publisher's Note", 'ENDNOTES']) {
        expect(names).not.toContain(h);
        expect(passages.some((p) => p.text === h)).toBe(false);
      }
      expect(names.some((n) => n.startsWith('Fig 1'))).toBe(false);
      // heading lines never become passages
      for (const s of sections) expect(passages.some((p) => p.text === s.path[s.path.length - 1])).toBe(false);
    });

    it('GIVEN the body THEN there are 250–270 passages: 255 logical paragraphs/quotes, 7 list items, 1 table', () => {
      expect(passages.length).toBeGreaterThanOrEqual(250);
      expect(passages.length).toBeLessThanOrEqual(270);
      expect(passages.filter((p) => p.kind === 'list')).toHaveLength(7);
      expect(passages.filter((p) => p.kind === 'table')).toHaveLength(1);
    });
  });

  describe('page-break splits', () => {
    it('GIVEN words split with a soft hyphen across a page break THEN the hyphen is removed', () => {
      one("the Tukhachevsky conspiracy was not a result of Stalin's suspiciousness");
      one('at the 17th Party Congress Stalin received the least number of votes');
      one('too slow in halting the activities of Yenukidze, Yagoda and others');
      one('Kremlin commandant Rudolf Peterson and Moscow military district commander');
      one('Historian Leonid Naumov states that the quotas');
      one('The loud "revelations" of the last years of Gorbachev\'s perestroika');
      one('arrested and executed in 1937-38 "exceeded 1.3 million people." Repeating this figure');
      one('influential German generals.');
      expect(passages.some((p) => /\b(?:conspira|Sta|Ye|Gor|Leo|Peter)- /.test(p.text))).toBe(false);
    });

    it('GIVEN real hyphens inside a line THEN they are kept', () => {
      one('The only small underground group, called the Union of Marxist-Leninists');
      one("Hitler's coming to power, and the ending of Soviet-German military cooperation");
      expect(one('Third: There are strong doubts').text).toContain('who were declared guilty in 1937-38.');
    });

    it('GIVEN a sentence continued after a blank line without a hyphen THEN the paragraph is rejoined', () => {
      one('What were the reasons for increasing mass purges in the 1930s? What were the social and psychological consequences');
      one('allowed Vadim Kozhinov to claim that 1,220,932 communists had been executed.');
      one("by Stalin's desire to suppress opposition to his policies");
      one('Commenting upon the fact that, at the end of ‘80s, almost 100 per cent had been rehabilitated');
      one('murderers," Stalin nonetheless added that there was no need');
    });

    it('GIVEN a continuation that starts with a digit THEN it is still joined', () => {
      const p = one("In September 1937, Khodjaev's friends accused Ikramov");
      expect(p.lines).toEqual([593, 595]);
      expect(noteNums(p)).toEqual(['86']);
    });

    it('GIVEN a quotation split by a page break THEN the quote paragraph is rejoined', () => {
      one('Have you helped to make our labour more effective and our lives more cultured?');
      one('may worm their way into the supreme governing bodies of the country.');
      const q = one('when there were no serious reasons for the use of extraordinary mass terror.”');
      expect(q.lines).toEqual([61, 63]);
    });

    it('GIVEN a paragraph ending with "etc." THEN the next capitalised paragraph is not glued to it', () => {
      expect(one('“People were more honest, friendly and kind,” etc.').text.endsWith('etc.')).toBe(true);
      expect(one('Yet when I asked another traditional question').text.startsWith('Yet when I asked')).toBe(true);
    });
  });

  describe('block quotations and lists', () => {
    it('GIVEN a lead-in ending without punctuation before a quotation THEN both are kept as separate, adjacent passages', () => {
      const lead = one('He said that Stalin');
      expect(lead.text.endsWith('He said that Stalin')).toBe(true);
      const quote = passages[indexOf(lead) + 1]!;
      expect(quote.text.startsWith('“practised brutal violence')).toBe(true);
      expect(quote.kind).toBe('quote');
      expect(noteNums(quote)).toEqual(['1']);

      const lead2 = one('Supporting Zhdanov’s proposals, Stalin also demanded');
      expect(passages[indexOf(lead2) + 1]!.text.startsWith('“restoration of democratic centralism')).toBe(true);
    });

    it('GIVEN a multi-paragraph quotation whose last paragraph carries the note THEN every paragraph gets the quoted work', () => {
      const first = one('“It is difficult to imagine that both of them fabricated this evidence');
      const last = one("“...the four versions of the coup d'état");
      expect(noteNums(first)).toEqual([]);
      expect(noteNums(last)).toEqual(['31']);
      for (const p of [first, last]) {
        expect(p.kind).toBe('quote');
        expect(p.quotedFrom).toMatchObject({ author: 'Zhukov', title: 'Inoi Stalin', pages: '181' });
      }
      const howard = ['“There are not a few institutions', '“Are you a bureaucrat?', '“Such will be the criteria', '“...Our new electoral system'];
      for (const s of howard) expect(one(s).quotedFrom?.title).toBe('Interview with Roy Howard');
    });

    it('GIVEN dash-bulleted items THEN each is a list passage without the dash, not glued to its lead-in', () => {
      const lead = one('This can be understood as follows:');
      expect(lead.kind).toBe('body');
      const item = passages[indexOf(lead) + 1]!;
      expect(item.kind).toBe('list');
      expect(item.text).toBe('Throughout the first 20 years of Soviet life, voters had grown accustomed to SINGLE-candidate-elections.');
      expect(one('Firstly, though Yezhov, Eikhe, Postyshev').kind).toBe('list');
      expect(one('Thirdly, despite the partial liberation of prisoners').kind).toBe('list');
      expect(passages.some((p) => /^[—–]/.test(p.text))).toBe(false);
    });

    it('GIVEN the tab-separated ballot paper with its caption THEN it is one table passage with cells and rows', () => {
      const t = passages.find((p) => p.kind === 'table')!;
      expect(t.text.startsWith('Fig 1. Draft ballot paper for the elections under the 1936 USSR Constitution; BALLOT PAPER; ')).toBe(true);
      expect(t.text).toContain('; Surname, name, patronymic | Supported as candidate by:; ');
      expect(t.text).toContain('; 1 PETROV Ivan Semenovich | the general assembly of workers and office employees of plant N22; 2 SEMENOV');
      expect(t.sectionPath).toEqual([P3, '"We Defeated Stalin"']);
      expect(t.lines).toEqual([597, 605]);
      expect(passages.filter((p) => p.text.includes('PETROV'))).toHaveLength(1);
    });
  });

  describe('endnotes', () => {
    it('GIVEN 115 superscript markers THEN all 115 notes are linked, each to exactly one passage', () => {
      const linked = passages.flatMap((p) => noteNums(p));
      expect(new Set(linked).size).toBe(115);
      expect(linked).toHaveLength(115);
      expect([...allNotes.keys()].map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 115 }, (_, i) => i + 1));
    });

    it('GIVEN markers glued to words and to a figure number THEN they leave the text and link the notes', () => {
      const p = one('According to Roy Medvedev and others, 5-7 million people');
      expect(p.text).toContain('Solzhenitsyn and many other authors');
      expect(noteNums(p)).toEqual(['5', '6', '7']);
      const fig = one('The sample had the format given in Fig 1 and was accepted unanimously.');
      expect(noteNums(fig)).toEqual(['87']);
      expect(fig.notes[0]!.text).toBe('Zhukov, Inoi Stalin, illustration between 256 and 257.');
      expect(one('Soon we shall go down.').text).toContain('Central Committee of our Party. ...We, members of the Politburo');
      expect(noteNums(one('on a floor of his country house.'))).toEqual(['115']);
    });

    it('GIVEN notes running over several lines THEN continuation lines are joined (hyphen, URL, digits)', () => {
      expect(allNotes.get('16')).toBe('J.V. Stalin, “Report to the 17th Congress of the CPSU (B),” in Leninism, 505.');
      expect(allNotes.get('54')).toBe(
        "R. Balandin and S. Mironov, Klubok vokrug Stalina: zagovory i bor'ba za vlast' v 1930-e gody (Moscow: Veche, 2002), 281.",
      );
      expect(allNotes.get('68')).toContain('<http://books.eserver.org/fiction/innocence/brokensword.html>.');
      expect(allNotes.get('95')).toContain('paras. 81–82, citing Zhukov, Inoi Stalin, 424–27');
      expect(allNotes.get('66')!.endsWith('who would vote for alternative deputies. — Y.E.')).toBe(true);
      expect(allNotes.get('79')).toContain('para. 58, http://clogic.eserver.org/2005/furr.html#note20.');
      expect(allNotes.get('38')).toContain('58–78, <http://www.marxists.org/reference/archive/stalin/works/1936/11/25.htm>.');
    });

    it('GIVEN the ENDNOTES section THEN no note becomes a passage', () => {
      const notesLine = raw.split('\n').indexOf('ENDNOTES') + 1;
      expect(notesLine).toBe(783);
      expect(passages.every((p) => p.lines[1] < notesLine)).toBe(true);
      expect(passages.some((p) => /^\d+\.\s/.test(p.text))).toBe(false);
      expect(passages.some((p) => p.text.includes('Inoi Stalin'))).toBe(false);
    });

    it('GIVEN a bibliographic note THEN quotedFrom gives author, title, year and pages of the quoted work', () => {
      const q = one('number of nameless victims reached a QUARTER OF A MILLION PEOPLE');
      expect(q.quotedFrom).toEqual({ citation: 'Zhukov, Inoi Stalin, 449.', author: 'Zhukov', title: 'Inoi Stalin', year: null, pages: '449' });
      const trotsky = one('“Stalin’s strength has always lain in the machine');
      expect(trotsky.quotedFrom).toMatchObject({ author: 'I. Deutscher', title: 'The Prophet Outcast: Trotsky 1929–1940', year: 1987, pages: '167–68' });
      expect(one('“Their recantations were neither wholly sincere').quotedFrom).toMatchObject({ author: 'I. Deutscher', year: 1967, pages: '351' });
      expect(one('Moscow mayor Filatov').quotedFrom).toBeNull();
    });

    it("GIVEN a note that is the author's own testimony THEN the passage has the note but no quotedFrom", () => {
      const p = one('There are different versions about the subsequent events.');
      expect(noteNums(p)).toEqual(['59', '60']);
      expect(p.quotedFrom).toBeNull();
    });
  });

  describe('clean text and extras', () => {
    it('GIVEN any passage THEN it has no markers, markup, leaders, tabs or footnote lines', () => {
      for (const p of passages) {
        expect(p.text).not.toMatch(/[⁰¹²³⁴-⁹]|<sup>|\*|\.{5}|---|\t/u);
        expect(p.text).toBe(p.text.trim());
        expect(p.text.length).toBeGreaterThan(5);
      }
      expect(one('the school manual Fundamental Course of Russian History claims').text).not.toContain('*');
    });

    it('GIVEN the sidebar box between * * * rules THEN it is one sidebar extra and the body flows around it', () => {
      const side = extras.filter((e) => e.kind === 'sidebar');
      expect(side).toHaveLength(1);
      expect(side[0]!.text.startsWith('Recent Russian Studies on the Stalin Period\nBaibakov, Nikolai. From Stalin to Yeltsin (Memoirs). Moscow, 1998.')).toBe(
        true,
      );
      expect(side[0]!.text).toContain('The author of the present article has also dealt with the same subject');
      expect(passages.some((p) => p.text.includes('Baibakov') || p.text.includes('The author of the present article'))).toBe(false);
      const before = one('Khrushchev claimed that the main victims');
      expect(passages[indexOf(before) + 1]!.text.startsWith("According to Khrushchev's explanations")).toBe(true);
    });

    it('GIVEN the front matter and CONTENTS THEN they are extras, not passages', () => {
      const texts = extras.map((e) => e.text);
      expect(texts).toContain('"STALIN\'S PURGES" OF 1937-38: What Really Happened?');
      expect(texts).toContain('Yuri Emelyanov');
      expect(texts).toContain('ISBN: 978-1-997536-32-1');
      expect(texts).toContain('THE NOVEMBER 8TH PUBLISHING HOUSE\nTORONTO 2026');
      expect(extras.find((e) => e.kind === 'caption')?.text).toBe(
        'Cover: Workers at the Dinamo factory in Moscow vote in favour of the execution of “Trotskyite spies,” 1937.',
      );
      const toc = extras.find((e) => e.kind === 'toc')!;
      expect(toc.text.split('\n')).toHaveLength(18);
      expect(toc.text).toContain('Stalin Strikes Back\t66');
      for (const s of ['ISBN', 'NOVEMBER 8TH', 'Publisher', 'Dinamo factory', 'This edition of']) {
        expect(passages.some((p) => p.text.includes(s))).toBe(false);
      }
    });
  });

  describe('pages', () => {
    it('GIVEN the CONTENTS pages THEN sections get approximate page ranges', () => {
      const pages = (name: string) => sections.find((s) => s.path[s.path.length - 1] === name)?.pages;
      expect(pages(P2)).toEqual({ start: 27, end: 54, approximate: true });
      expect(pages('Stalin Versus Most of the Central Committee')).toEqual({ start: 48, end: 54, approximate: true });
      expect(pages('Lessons of 1937-38')).toEqual({ start: 73, end: 82, approximate: true });
      // five page breaks counted inside "Yezhovshina Begins" (p. 55) prove it reaches p. 60, where the next section starts
      expect(pages('Yezhovshina Begins')).toEqual({ start: 55, end: 60, approximate: true });
    });

    it('GIVEN a passage THEN it spans no more pages than the page breaks rejoined inside it', () => {
      const lines = raw.split(/\r?\n/);
      const breaksIn = (p: SegPassage): number => {
        let n = 0;
        for (let i = p.lines[0]; i < p.lines[1] - 1; i++) if (!lines[i]!.trim() && lines[i + 1]!.trim()) n++;
        return n;
      };
      const wide = passages.filter((p) => p.pages!.end - p.pages!.start > breaksIn(p));
      expect(wide.map((p) => [p.lines, p.pages])).toEqual([]);
      const oneLine = passages.filter((p) => p.kind !== 'table' && p.lines[0] === p.lines[1]);
      expect(oneLine.length).toBeGreaterThan(150);
      for (const p of oneLine) expect(p.pages!.end).toBe(p.pages!.start);
      expect(passages.filter((p) => p.kind === 'body' && p.pages!.end - p.pages!.start >= 2)).toEqual([]);
    });

    it('GIVEN page breaks counted before a passage THEN it starts on the counted page and ends after its own breaks', () => {
      expect(one('Every year, before I start my lecture').pages).toEqual({ start: 1, end: 1, approximate: true });
      // L45 "…What" / L47 "were the social and psychological consequences…": one page turn inside
      expect(one('Here is a list of questions taken from a Russian school manual').pages).toEqual({ start: 1, end: 2, approximate: true });
      expect(one('The purpose of these lessons and TV programmes').pages).toEqual({ start: 2, end: 2, approximate: true });
      expect(one('In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.').pages).toEqual({ start: 2, end: 2, approximate: true });
      expect(one('Nikolai Yezhov, head of the NKVD from January 1937').pages).toEqual({ start: 55, end: 55, approximate: true });
      expect(one('Millions of Soviet people were ready to explain').pages).toEqual({ start: 60, end: 60, approximate: true });
      // first paragraph of "Plots Against Stalin's Political Reforms" (pp. 27–33): not the whole section
      expect(one('Not only Khrushchev, but also many other Party functionaries').pages).toEqual({ start: 27, end: 27, approximate: true });
      for (const p of passages) {
        expect(p.pages?.approximate).toBe(true);
        expect(p.pages!.start).toBeLessThanOrEqual(p.pages!.end);
      }
    });
  });

  it('GIVEN another booklet without PART entries THEN headings, splits and notes follow the same rules', () => {
    const doc = [
      'A Small Booklet',
      '',
      'Contents',
      '',
      'Introduction.....1',
      'The Second Chapter\t3',
      'Notes\t5',
      '',
      'Introduction',
      '',
      'The committee met in secret and the chair-',
      '',
      'man spoke first.¹ The minutes were lost in',
      '',
      '1941, during the evacuation.',
      '',
      'The Second Chapter',
      '',
      'She wrote:',
      '',
      '“All is well.”²',
      '',
      'Notes',
      '',
      '1. J. Smith, *Minutes* (London, 1950), 12–14.',
      '2. Ibid.,',
      '',
      '3.',
    ].join('\n');
    const r = segmentBooklet(doc);
    expect(r.sections.map((s) => s.path)).toEqual([['Introduction'], ['The Second Chapter']]);
    expect(r.passages.map((p) => p.text)).toEqual([
      'The committee met in secret and the chairman spoke first. The minutes were lost in 1941, during the evacuation.',
      'She wrote:',
      '“All is well.”',
    ]);
    expect(r.passages[0]!.quotedFrom).toMatchObject({ author: 'J. Smith', title: 'Minutes', year: 1950, pages: '12–14' });
    expect(r.passages[0]!.pages).toEqual({ start: 1, end: 3, approximate: true });
    // The marker stood after the closing quote mark: the note's place is the end of the text.
    expect(r.passages[2]!.notes).toEqual([{ number: '2', text: 'Ibid., 3.', at: '“All is well.”'.length }]);
    expect(r.extras.map((e) => e.kind)).toEqual(['front_matter', 'toc']);
  });
});
