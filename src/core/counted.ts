/**
 * What a figure counts, read closely enough to tell whether two figures count the same thing:
 * what happened to those counted ("executed", "the arrest of"), which group they are ("communists",
 * "army officers"), the period, whether it is a rate ("a day") or a share ("85 per cent"), and how
 * exact the writer says it is ("more than 700,000", "about 680,000").
 */
import { STOPWORDS } from '../search/fts-query.ts';
import { root } from '../search/roots.ts';
import { figuresIn, yearsCovered, type Figure } from './figures.ts';

export type Bound = 'exact' | 'about' | 'at least' | 'at most';

export interface Counted {
  figure: Figure;
  /** Roots of what happened to those counted. */
  what: string[];
  /** The group counted, as written ("army officers"), when the words name one narrower than "people". */
  group: string | null;
  years: Set<number>;
  /** The years as written, for saying so ("1937–38"). */
  period: string | null;
  /** The period is read from the sentences before, not the figure's own. */
  periodFromContext: boolean;
  /** "a day", "per year": a rate, not a total. */
  rate: string | null;
  share: boolean;
  bound: Bound;
  /** The whole this figure is a part of ("98 of the 139"): "139". */
  part?: string;
}

/** Words for everyone counted: they name no narrower group. */
const ANYONE = new Set(['people', 'persons', 'person', 'citizens', 'individuals', 'victims', 'men', 'souls', 'inhabitants', 'them', 'those', 'others']);
/** Words that carry nothing of what is counted. */
const VAGUE = new Set([
  ...ANYONE,
  'were',
  'was',
  'had',
  'been',
  'being',
  'have',
  'has',
  'who',
  'whom',
  'which',
  'whose',
  'more',
  'some',
  'total',
  'altogether',
  'number',
  'all',
  'these',
  'already',
  'also',
  'then',
  'later',
  'reportedly',
  'officially',
]);
const BOUNDS: [RegExp, Bound][] = [
  [/\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s*$/i, 'at least'],
  [/\b(?:fewer than|less than|under|at most|up to|no more than)\s*$/i, 'at most'],
  [/\b(?:about|around|some|roughly|approximately|nearly|almost|close to|an estimated|estimated|circa|c\.|perhaps|possibly)\s*$/i, 'about'],
];
const RATE = /\b(?:a|per|each|every|each and every)\s+(day|week|month|year)\b|\b(daily|weekly|monthly|annually|yearly)\b/i;
const YEAR = /\b1[89]\d\d(?:\s*[–-]\s*(?:1[89])?\d\d)?\b/g;

function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * A figure of `sentence`, read; `before` are the sentences before it in its paragraph, nearest
 * last, which give its period when the sentence does not ("In 1937–38 … Of these victims, 700,000 were executed").
 */
export function countedOf(f: Figure, sentence: string, before: readonly string[] = []): Counted {
  const head = sentence.slice(0, f.at);
  // What was done is said just before the figure ("the arrest of 1.5 million") back to the clause's start.
  const clause = head.split(/[,;:()\u2013\u2014"“”]|\b(?:and|or|but|while|whereas)\b|\d/).pop() ?? '';
  let bound: Bound = 'exact';
  let lead = clause;
  for (const [re, b] of BOUNDS) {
    if (re.test(lead)) {
      bound = b;
      lead = lead.replace(re, '');
      break;
    }
  }
  // What is counted, up to the clause's end and a little further than the figure's own label: "139 members of the Central Committee were arrested".
  const after = words(/^[^.,;:()\u2013\u2014"“”\d]{0,90}/.exec(sentence.slice(f.at + f.raw.length))?.[0] ?? '').slice(0, 8);
  // The group is the words right after the number, up to the first that says what happened ("army officers who …").
  const groupWords: string[] = [];
  for (const w of after) {
    if (VAGUE.has(w) || STOPWORDS.has(w) || /ed$/.test(w)) break;
    groupWords.push(w);
  }
  // "members of the Central Committee": the body named after the group narrows it.
  const body = groupWords.length
    ? new RegExp(`^\\s*(?:[\\p{L}'’-]+\\s+){${groupWords.length}}(of|to|at)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}'’-]*\\s*)+)`, 'u').exec(
        sentence.slice(f.at + f.raw.length),
      )
    : null;
  const bodyWords = body ? words(body[2]!) : [];
  const what = [...words(lead), ...after.slice(groupWords.length)]
    .filter((w) => !VAGUE.has(w) && !STOPWORDS.has(w) && w.length > 2 && !bodyWords.includes(w))
    .map(root);
  const tail = sentence.slice(f.at + f.raw.length, f.at + f.raw.length + 80);
  let period = f.years.length ? f.years.join(', ') : null;
  let fromContext = false;
  if (!period) {
    const inSentence = sentence.match(YEAR);
    if (inSentence?.length === 1) period = inSentence[0];
    else if (!inSentence)
      for (const b of [...before].reverse()) {
        const ys = b.match(YEAR);
        if (ys) {
          period = ys[ys.length - 1]!;
          fromContext = true;
          break;
        }
      }
  }
  return {
    figure: f,
    what: [...new Set(what)],
    group:
      groupWords.length && !(groupWords.length === 1 && ANYONE.has(groupWords[0]!))
        ? [...groupWords, ...(body ? [body[1]!, 'the', ...bodyWords] : [])].join(' ')
        : null,
    years: period ? yearsCovered([period.replace(/\s/g, '')]) : new Set(),
    period,
    periodFromContext: fromContext,
    rate: RATE.exec(tail.split(/[.;]/)[0]!)?.[0] ?? null,
    share: /%|per ?cent/i.test(f.raw),
    bound,
  };
}

/**
 * Every figure of a sentence, read. A figure that names no group after a figure that does counts
 * within it: "8,000 officers remained in prison camps and about 4,000 had already been executed".
 */
export function countedIn(sentence: string, before: readonly string[] = [], smallest = 100): Counted[] {
  const out: Counted[] = [];
  for (const f of figuresIn(sentence, smallest)) {
    const c = countedOf(f, sentence, before);
    const prev = out[out.length - 1];
    // "… and 700,000 people were shot" names everyone again; a semicolon starts another thought.
    const between = prev ? sentence.slice(prev.figure.at + prev.figure.raw.length, f.at) : '';
    if (!c.group && prev?.group && !between.includes(';') && !ANYONE.has(words(f.counts)[0] ?? '')) {
      c.group = prev.group;
      // "Of the 1,966 delegates …, 1,108 were arrested": the second is a part of the first.
      if (/\b(?:of|out of|among)(?: the)?\s*$/i.test(sentence.slice(Math.max(0, prev.figure.at - 12), prev.figure.at))) c.part = prev.figure.raw;
    }
    out.push(c);
  }
  // "98 out of the 139 members of the Central Committee were arrested": the part counts what its whole counts.
  out.forEach((c, i) => {
    const whole = out[i + 1];
    if (whole && !c.group && /^(?:out )?of(?: the)?$/i.test(c.figure.counts.trim())) {
      c.group = whole.group;
      c.what = whole.what;
      c.part = whole.figure.raw;
      if (!c.years.size) {
        c.years = whole.years;
        c.period = whole.period;
      }
    }
  });
  return out;
}

function groupRoots(group: string | null): string[] {
  return group
    ? words(group)
        .filter((w) => !STOPWORDS.has(w))
        .map(root)
    : [];
}

export type CountRelation =
  | { kind: 'same'; why: string }
  | { kind: 'different'; why: string }
  | { kind: 'not comparable'; why: string }
  | { kind: 'unrelated' };

function sameYears(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && [...a].every((y) => b.has(y));
}

/** Whether `source` agrees with `claim` on the value, each read with its bound ("more than", "about"). */
function valuesAgree(claim: Counted, source: Counted): boolean {
  const c = claim.figure.value;
  const s = source.figure.value;
  const near = (tolerance: number) => Math.abs(c - s) <= tolerance * Math.max(c, s);
  if (claim.bound === 'at least') return source.bound === 'at most' ? s >= c : s >= c || (source.bound !== 'exact' && near(0.05));
  if (claim.bound === 'at most') return source.bound === 'at least' ? s <= c : s <= c || (source.bound !== 'exact' && near(0.05));
  if (claim.bound === 'about' || source.bound !== 'exact') return near(0.1);
  return near(0.005);
}

/**
 * How a source's figure stands to a claim's: the same count (and then the same or a different
 * figure), a count of something else (unrelated), or one too different in scope to compare, and why.
 * `sameWord` says whether two roots are one word for this purpose (inflections, synonyms).
 */
export function relateCounts(claim: Counted, source: Counted, sourceName: string, sameWord: (claimRoot: string, sourceRoot: string) => boolean): CountRelation {
  const shared = claim.what.length ? claim.what.some((c) => source.what.some((s) => sameWord(c, s))) : false;
  const mineG = groupRoots(claim.group);
  const theirG = groupRoots(source.group);
  const overlap = mineG.some((c) => theirG.some((s) => sameWord(c, s)));
  if (!shared && !overlap) return { kind: 'unrelated' };
  // A part ("98 of the 139") is compared with a part, a whole with a whole.
  if (Boolean(claim.part) !== Boolean(source.part)) return { kind: 'unrelated' };
  // "members of the Central Committee" and "members" (of the VCIK) are not one group.
  const groups = mineG.length === theirG.length && mineG.every((c) => theirG.some((s) => sameWord(c, s)));
  const theirs = `${source.figure.raw} (${sourceName})`;
  const mine = `${claim.figure.raw} (the claim)`;
  if (claim.share !== source.share)
    return { kind: 'not comparable', why: `${theirs} is ${source.share ? 'a share' : 'a count'}, ${mine} ${claim.share ? 'a share' : 'a count'}` };
  if (Boolean(claim.rate) !== Boolean(source.rate) || (claim.rate && source.rate && claim.rate !== source.rate))
    return {
      kind: 'not comparable',
      why: source.rate ? `${theirs} is a rate (“${source.rate}”), the claim’s a total` : `${theirs} is a total, the claim’s a rate (“${claim.rate}”)`,
    };
  if ((claim.group ?? '') !== (source.group ?? '') && !groups)
    return {
      kind: 'not comparable',
      why: `${theirs} counts ${source.group ?? 'everyone'}, ${mine} ${claim.group ?? 'everyone'}`,
    };
  if (claim.years.size && !source.years.size)
    return { kind: 'not comparable', why: `${sourceName} gives no period for ${source.figure.raw}; the claim’s is ${claim.period}` };
  if (claim.years.size && !sameYears(claim.years, source.years))
    return {
      kind: 'not comparable',
      why: `different periods: ${source.period}${source.periodFromContext ? ' (from the sentences before)' : ''} for ${theirs}, ${claim.period} for the claim`,
    };
  const period = claim.period ? ` in ${claim.period}${source.periodFromContext ? ' (the source’s period read from the sentences before)' : ''}` : '';
  if (!valuesAgree(claim, source)) return { kind: 'different', why: `different figure for the same count${period}: ${theirs} vs ${mine}` };
  if (claim.figure.value === source.figure.value) return { kind: 'same', why: `same figure for the same count${period}: ${theirs}, ${mine}` };
  const bound = claim.bound === 'exact' ? '' : `${claim.bound} `;
  return { kind: 'same', why: `a figure within the claim’s “${bound}${claim.figure.raw}” for the same count${period}: ${theirs}` };
}
