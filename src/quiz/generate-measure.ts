/**
 * What a measure did: a decree, resolution, order or law the sources describe by what it did
 * ("The decree liquidated the “troikas” and forbade any new mass arrests"). The wrong options are
 * what the corpus says other measures did, so a student must know which measure did what.
 */
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import type { Passage } from '../corpus/types.ts';
import { sourceLabel, type Draft, type GenContext } from './draft.ts';
import { ownClaim } from './honest.ts';
import { namesUnknown } from './referent.ts';
import { stableId, seededShuffle, usableSentence, type SentenceRef } from './text.ts';

const KINDS = '(?:decree|resolution|order|law|directive)';
const VERBS =
  '(?:liquidated|forbade|ordered|instructed|prohibited|abolished|created|established|introduced|provided for|allowed|authori[sz]ed|required|banned|permitted|stipulated|imposed|halted|changed|extended)';
/** The measure as the sentence's subject, then what it did: "Stalin's Order Number 270, dated 16 August 1941, forbade …". */
const DID = new RegExp(
  `^(?<subject>(?:The|This|That|\\p{Lu}\\p{Ll}+['’]s)\\s+(?:(?:signed|secret|joint|famous|new|NKVD)\\s+)*${KINDS}|(?:\\p{Lu}\\p{Ll}+['’]s\\s+|NKVD\\s+)?(?:Operational\\s+)?Order\\s+(?:No\\.?\\s?|Number\\s+)?\\d{2,5})(?<aside>,[^,;.]{3,60},|\\s+of\\s+[^,;.]{3,40}?)?\\s+(?<did>${VERBS}\\b[^;]{10,240}?)["”]?[.]["”]?$`,
  'u',
);
/** A date or a number names a measure: "Order Number 270", "dated 16 August 1941" ("Yezhov’s signed decree" does not: which one?). */
const NAMED = /\d/;
/** "Initiated with a Politburo resolution on 2 July 1937, it ordered …": the measure named in an opening phrase. */
const OPENED = new RegExp(
  `^[\\p{Lu}][\\p{Ll}]+\\s+(?:with|by|under)\\s+(?<subject>an?\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?${KINDS}\\s+(?:on|of|dated)\\s+[^,]{3,30}\\d),\\s+it\\s+(?<did>${VERBS}\\b[^;]{10,180}?)["”]?[.]["”]?$`,
  'u',
);
const MEASURE_WORD = new RegExp(`\\b${KINDS}\\b`, 'i');
/** Sentences back that may name the measure a sentence calls "the decree". */
const NAMED_WITHIN = 2;
/** Options needed: the answer and three other measures. */
const OPTIONS = 4;

interface Measure {
  passage: Passage;
  /** How the stem names the measure: "Stalin's Order Number 270, dated 16 August 1941" or "the decree". */
  name: string;
  /** What it did, verbatim: "forbade both commanders and soldiers from retreating …". */
  did: string;
  /** The sentence that names the measure when the one saying what it did does not. */
  before: string | null;
  quote: string;
}

/** Longest option: a long account is cut at its first clause ("forbade … , and ordered …"). */
const OPTION_MAX = 170;

/** What a measure did, as an option: the first clause of a long account, and a quotation it opens is closed. */
function asOption(did: string): string | null {
  let text = did;
  if (text.length > OPTION_MAX) {
    const cut = text.slice(0, OPTION_MAX).search(/,\s+and\s+[^,]*$/);
    if (cut < 40) return null;
    text = text.slice(0, cut);
  }
  return (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length ? `${text}”` : text;
}

export function measureOf(p: Passage, i: number): Measure | null {
  const m = measureIn(p, i);
  const did = m && asOption(m.did);
  // An option naming what it does not say ("to keep tabs on the suspect group") cannot be judged on its own.
  return m && did && !namesUnknown(did) ? { ...m, did } : null;
}

function measureIn(p: Passage, i: number): Measure | null {
  const s = p.sentences[i]!;
  // A sentence after a quotation may open with its closing mark.
  const text = p.text
    .slice(s.start, s.end)
    .trim()
    .replace(/^[”"’]\s*/u, '');
  const opened = OPENED.exec(text);
  if (opened?.groups && ownClaim(p, i))
    return { passage: p, name: opened.groups.subject!.replace(/^an?\s/, 'the '), did: opened.groups.did!, before: null, quote: text };
  const m = DID.exec(text);
  if (!m?.groups || !ownClaim(p, i)) return null;
  const name = `${m.groups.subject!}${m.groups.aside ?? ''}`.replace(/,$/, '');
  if (NAMED.test(name)) return { passage: p, name, did: m.groups.did!, before: null, quote: text };
  // "The decree liquidated …": named, with its date, by a sentence just before, which the stem quotes.
  for (let j = i - 1; j >= Math.max(0, i - NAMED_WITHIN); j--) {
    const prev = p.sentences[j]!;
    const before = p.text.slice(prev.start, prev.end).trim();
    if (!ownClaim(p, j) || !MEASURE_WORD.test(before) || !/\b1[89]\d\d\b/.test(before) || !usableSentence(before, { max: 350 })) continue;
    return {
      passage: p,
      name: m.groups.subject!.replace(/^(The|This|That)\b/, (w) => w.toLowerCase()),
      did: m.groups.did!,
      before,
      quote: p.text.slice(s.start, s.end).trim(),
    };
  }
  return null;
}

export function measureDrafts(ctx: GenContext, sentences: readonly SentenceRef[]): Draft[] {
  const measures: Measure[] = [];
  for (const s of sentences) {
    if (s.passage.kind === 'quote') continue;
    const i = s.passage.sentences.findIndex((x) => x.start === s.start);
    const m = i >= 0 ? measureOf(s.passage, i) : null;
    // One measure described twice (two sources on the same decree) would be two right answers.
    if (m && !measures.some((o) => o.did === m.did)) measures.push(m);
  }
  if (measures.length < OPTIONS) return [];
  return measures.map((m) => {
    const meta = ctx.repo.source(m.passage.sourceId)!.meta;
    const author = `${authorLabel(meta)} (${yearLabel(meta)})`;
    const others = seededShuffle(
      measures.filter((o) => o !== m).map((o) => o.did),
      stableId('measure', m.passage.id, m.did),
    ).slice(0, OPTIONS - 1);
    // "What did Stalin's Order Number 270, dated 16 August 1941, do …": an aside is closed by its comma.
    const ask = `What did ${m.name}${m.name.includes(',') ? ',' : ''} do, according to ${author}?`;
    return {
      kind: 'measure' as const,
      prompt: 'What did this measure do?',
      stem: m.before ? `${sourceLabel(ctx, m.passage)}: “${m.before}” ${ask[0]!.toUpperCase()}${ask.slice(1)}` : `${ask[0]!.toUpperCase()}${ask.slice(1)}`,
      answer: m.did,
      distractors: others,
      passage: m.passage,
      quote: m.quote,
      // The sentence naming the measure is quoted in the explanation too.
      ...(m.before ? { also: [{ passageId: m.passage.id, quote: m.before }] } : {}),
      note: `The other options are what the corpus says other measures did.`,
      topic: 'measures',
      centrality: 1,
    };
  });
}
