/**
 * What a question asks: the kind of answer its question word wants, and its concepts, each a
 * word of the question with the corpus's other forms of it and their weights. Filler ("role of",
 * "number of", "what was the") is dropped; a concept no form of which the corpus holds is kept
 * aside as `missing`, which is what lets /ask decline honestly.
 */
import { contentTokens } from '../search/fts-query.ts';
import { root } from '../search/roots.ts';
import { foldDiacritics } from '../people/name-key.ts';
import type { Lexicon } from './lexicon.ts';
import { GIVEN_NAMES } from '../people/given-names.ts';
import { expandYearRanges } from './years.ts';
import type { Concept, Question, Want } from './types.ts';

export type { Concept, Question, Want } from './types.ts';

/** Words that frame a question or a topic but are not what it is about. */
const FILLER = new Set(
  (
    'role part number kind sort type way happen happened happens became fate according source sources corpus text texts say said says ' +
    'tell explain describe mean meant think thought also ever really exactly main give gave given know known called ' +
    'could should can may might must shall whose whom against among upon within without toward towards via'
  ).split(' '),
);

/** The months of each season, as a text dates an event the question places in the season. */
const SEASON_MONTHS: Record<string, readonly string[]> = {
  spring: ['march', 'april'],
  summer: ['june', 'july', 'august'],
  autumn: ['september', 'october', 'november'],
  fall: ['september', 'october', 'november'],
  winter: ['december', 'january', 'february'],
};
/** A month counts nearly as the season named. */
const SEASON_MONTH = 0.85;

/** How much more a question's predicate weighs than its other words. */
const PREDICATE = 1.4;
const FACTOID = new Set<Want>(['time', 'place', 'person']);
/** How much a given name before a surname weighs. */
const GIVEN_NAME = 0.3;

const PERSON_NOUN =
  /^\s*which\s+(\w+\s+){0,3}(member|members|official|officials|leader|leaders|commander|commanders|general|generals|marshal|person|people|man|men|woman|women|historian|historians|author|authors|secretary|secretaries|commissar|commissars|chief|head|deputy|minister|ambassador|writer|journalist|politician|defendants?)\b/;

const WORD_WANT: Record<string, Want> = { when: 'time', where: 'place', who: 'person', why: 'reason', 'how many': 'number', 'how much': 'number' };

/** The second of two joined question words: "When and where did he die?" wants a place too. */
export function alsoWantOf(question: string): Want {
  const m = /^\s*(?:when|where|who|why|how many|how much)\s+and\s+(when|where|who|why|how many|how much)\b/i.exec(question);
  return m ? WORD_WANT[m[1]!.toLowerCase()]! : null;
}

export function wantOf(question: string): Want {
  const q = question.toLowerCase().trim();
  if (/\bhow (many|much|far|large|big|great)\b|\bwhat (number|proportion|percentage|share|fraction)\b|\bhow large\b|\bwhat per ?cent/.test(q)) return 'number';
  if (/^\s*(when|in what year|in which year)\b|\bwhat (year|date|month|day)\b|\bwhen\b/.test(q)) return 'time';
  // "What happened to Bukharin?", "What became of him?", "What was Yakir's fate?": what was done to a person.
  if (/^\s*what\s+(ever\s+)?(happened|became)\s+(to|of)\b|\bwhat was (the )?fate of\b|^\s*what was \S+?['’]s fate\b/.test(q)) return 'fate';
  if (PERSON_NOUN.test(q) || /^\s*(who|whom)\b|\bwho\s+(was|were|is|did)\b/.test(q)) return 'person';
  if (/^\s*where\b|\bin what (place|city|town|country)\b/.test(q)) return 'place';
  if (/^\s*why\b|\bfor what reason\b|\bwhat (caused|led to|made)\b|\bhow did .* (justify|explain)\b/.test(q)) return 'reason';
  if (/^\s*(did|was|were|is|are|does|do|had|has|have|could|can|should)\b/.test(q)) return 'position';
  return null;
}

/** Years a span reaches back or on from its year: a study group's "before 1936" means the years leading to it. */
const SPAN = 10;

/** "before 1936" → 1926–1935, "after 1938" → 1939–1948, "the 1930s" → 1930–1939; the text without them. */
export function yearSpans(text: string): { spans: { token: string; years: number[] }[]; rest: string } {
  const spans: { token: string; years: number[] }[] = [];
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const rest = text
    .replace(/\b(before|until|till|prior to|up to|after|since)\s+(1[89]\d\d)\b/gi, (m, word: string, y: string) => {
      const year = Number(y);
      const back = /^(before|until|till|prior to|up to)$/i.test(word);
      spans.push({ token: m.toLowerCase(), years: back ? range(year - SPAN, year - 1) : range(year + 1, year + SPAN) });
      return ' ';
    })
    .replace(/\b(?:the\s+)?(1[89]\d)0s\b/gi, (m, decade: string) => {
      spans.push({ token: m.toLowerCase(), years: range(Number(decade) * 10, Number(decade) * 10 + 9) });
      return ' ';
    });
  return { spans, rest };
}

export interface AnalyseOptions {
  /** A topic (/compare) has no predicate: its words weigh by rarity alone. */
  topic?: boolean;
}

export function analyse(text: string, lex: Lexicon, spellingsFor: (token: string) => readonly string[] = () => [], opts: AnalyseOptions = {}): Question {
  // The text's first word is capitalised anyway; only a capital after it marks a name.
  const capitalised = new Set(
    [...text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}-]+/gu)].filter((m) => /[\p{L}\p{N}]/u.test(text.slice(0, m.index))).map((m) => m[0].toLowerCase()),
  );
  // "How far / long / often" asks for a measure: the adverb is part of the question word.
  // "before 1936", "in the 1930s": a span of years, any of which answers; the words themselves are not sought.
  const spans = yearSpans(text);
  const content = expandYearRanges(spans.rest).replace(/\bhow (far|long|often|soon|large|big|great)\b/gi, 'how');
  // The question's first word is capitalised anyway; a name at the start still counts when the people index knows it.
  const want = wantOf(text);
  const concepts: Concept[] = [];
  const missing: string[] = [];
  // "Lev" in "Lev Sedov" only says which Sedov: the surname carries the name, and a source often gives it alone.
  const givenBeforeSurname = new Set(
    [...text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\.\s*)?\p{Lu}\p{Ll}+/gu)].filter((m) => GIVEN_NAMES.has(m[1]!)).map((m) => m[1]!.toLowerCase()),
  );
  const middleNames = new Set(
    [...text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)(?=\s+\p{Lu}\p{Ll}+)/gu)]
      .filter((m) => GIVEN_NAMES.has(m[1]!))
      .map((m) => m[2]!.toLowerCase()),
  );
  for (const token of contentTokens(content)) {
    if (FILLER.has(token)) continue;
    const folded = foldDiacritics(token);
    const people = spellingsFor(token);
    const name = capitalised.has(token) || people.length > 0 || /[\u0400-\u04ff]/.test(token);
    const forms = lex.formsOf(folded, name, !opts.topic);
    const same = new Set(forms.same);
    for (const s of people) for (const w of contentTokens(s)) same.add(foldDiacritics(w));
    // "spring 1930" is answered by "March 1930": a season is its months ("May" left out: it is also "may").
    const related = new Map(forms.related);
    for (const month of SEASON_MONTHS[token] ?? []) if (lex.has(month)) related.set(month, Math.max(related.get(month) ?? 0, SEASON_MONTH));
    const roots = new Map<string, number>();
    for (const w of same) roots.set(root(w), 1);
    for (const [w, weight] of related) {
      const r = root(w);
      if ((roots.get(r) ?? 0) < weight) roots.set(r, weight);
    }
    if (!same.size && !related.size) {
      // A middle name between names ("Anna Louise Strong") that the texts give as an initial ("Anna L.") is not missing.
      if (!middleNames.has(token)) missing.push(token);
      continue;
    }
    // Document frequency over every form that counts as the word: "repressed" is rare, "repression" is not.
    const counted = same.size ? [...roots].filter(([, w]) => w === 1).map(([r]) => r) : [...new Set([...related.keys()].map(root))];
    const df = Math.max(...counted.map((r) => lex.rootFreq(r)), 0);
    // A factoid question's predicate ("when did he die") must be in the answer; a why- or yes/no question's often is not ("start" vs "arose").
    const verb = forms.verb && !name && !opts.topic && FACTOID.has(want);
    // The predicate weighs more: the names it is about are often only in the sentence before ("he died").
    const weight = verb ? PREDICATE : givenBeforeSurname.has(token) ? GIVEN_NAME : 1;
    concepts.push({ token, roots, words: [...new Set([...same, ...related.keys()])], df, idf: lex.idf(df) * weight, name, verb });
  }
  for (const span of spans.spans) {
    const years = span.years.map(String).filter((y) => lex.has(y));
    if (!years.length) continue;
    const df = Math.max(...years.map((y) => lex.rootFreq(root(y))));
    concepts.push({ token: span.token, roots: new Map(years.map((y) => [root(y), 1])), words: years, df, idf: lex.idf(df), name: false, verb: false });
  }
  return { text, want, also: alsoWantOf(text), concepts, missing };
}
