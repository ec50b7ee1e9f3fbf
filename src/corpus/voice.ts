/**
 * Who is speaking in a sentence, kept apart from the work it was quoted from and the document
 * that carries it. Two cases, both read from the text's own conventions and never guessed:
 * - a compilation excerpt whose bracketed lead-in or "(X's comments only)" note names its speaker
 *   ("[In a June 1937 speech Stalin said]" → Stalin, in a June 1937 speech);
 * - an author reporting someone else's claim ("X claims that …", "according to X"), often to
 *   refute it: the claim is X's, as reported by the author.
 */
import { LEAD_IN } from '../segment/profiles/quote-compilation.ts';
import type { Passage } from './types.ts';
import { GIVEN_NAMES } from '../people/given-names.ts';

export interface CompilationVoice {
  speaker: string;
  /** "in a June 1937 speech", "at the Feb. March 1937 Plenum", when the lead-in says. */
  occasion: string | null;
}

const SAYS =
  /\b(?:said|stated|states|state|says|say|declared|declares|wrote|writes|write|continued|continues|replied|replies|added|adds|explained|explains|told|asked|remarked|noted|recalled|testified|reported|concluded)\b/u;
/** What a bracketed lead-in calls a statement: "Yezhov’s … letter", "speech of Yezhov", "letter by Stalin". */
const DOCUMENT = '(?:speech|report|letter|article|statement|testimony|remarks|interview|address|memorandum|memo|note|telegram|appeal|essay)';
const POSSESSIVE = /^(?:From\s+)?((?:\p{Lu}\.\s?)*\p{Lu}[\p{L}-]+)[’']s\s+(.+)$/u;
const OF_BY = new RegExp(
  `^(.*?\\b(?:${DOCUMENT}|${DOCUMENT.replace(/\b\w/g, (c) => c.toUpperCase())})\\s+(?:of|by|from))\\s+((?:\\p{Lu}\\.\\s?)*\\p{Lu}[\\p{L}-]+)\\b`,
  'u',
);
/** "Letter of rural correspondent Alekseev", "sent by rural correspondent Grebennikov", "from Yezhov and Shkiriatov". */
const DESCRIBED = new RegExp(
  `\\b(?:${DOCUMENT}|${DOCUMENT.replace(/\b\w/g, (c) => c.toUpperCase())}|sent)\\b[^\\]]*?\\b(?:of|by|from)\\s+(?:[\\p{Ll}-]+\\s+){0,3}((?:\\p{Lu}[\\p{Ll}’'-]+)(?:(?:,\\s+|\\s+and\\s+|,\\s+and\\s+)\\p{Lu}[\\p{Ll}’'-]+)*)\\b`,
  'u',
);
const WORD_NAME = /^(?:\p{Lu}\.\s?)*\p{Lu}[\p{Ll}’'-]+$|^\p{Lu}+$/u;
const NOT_A_NAME = new Set(
  'When Footnote Note Editor Emphasis Sic The A An In At On From This That It He She They As Plenum Congress Committee Politburo Party Report Letter Resolution Decision Chairman Secretary President Commissar Comrade General'.split(
    ' ',
  ),
);

function tidyOccasion(s: string): string | null {
  const t = s
    .replace(/[,:;\s]+$/u, '')
    .replace(/^[,:;\s]+/u, '')
    .replace(/^(As|From)\s+/u, '')
    .trim();
  if (t.length < 3) return null;
  // "In a June 1937 speech" reads "in a June 1937 speech" after a name; "September 25th" stays as it is.
  return /^(In|At|On|The|A|An|During|Before|After)\b/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** The name at the end of `words`: its last capitalised word, with initials or a given name before it. */
function trailingName(words: string[]): { name: string; rest: string } | null {
  let i = words.length - 1;
  const last = words[i];
  if (!last || !WORD_NAME.test(last) || NOT_A_NAME.has(last)) return null;
  while (i > 0 && (/^(?:\p{Lu}\.)+$/u.test(words[i - 1]!) || GIVEN_NAMES.has(words[i - 1]!))) i--;
  // "STALIN" in a shouted lead-in is Stalin.
  const name = words
    .slice(i)
    .map((w) => (/^\p{Lu}{3,}$/u.test(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w))
    .join(' ');
  return { name, rest: words.slice(0, i).join(' ') };
}

/** The speaker a bracketed lead-in names, or null when it names none. Pure: for tests and export. */
export function leadInVoice(lead: string): CompilationVoice | null {
  // A quoted title inside the lead-in (“Concerning the … Institutes”) names a document, never its speaker.
  const text = lead
    .replace(/“[^”]*”/gu, '“…”')
    .replace(/\s+/g, ' ')
    .replace(/[,:]$/u, '')
    .trim();
  if (!text || /^footnote\b/i.test(text)) return null;
  const words = text.split(' ');
  if (words.length <= 3 && !SAYS.test(text)) {
    const bare = trailingName(words);
    if (bare && !bare.rest) return { speaker: bare.name, occasion: null };
  }
  const says = SAYS.exec(text);
  if (says) {
    const before = text
      .slice(0, says.index)
      .trim()
      .replace(/\s+(also|then|again|later|further|once more)$/u, '')
      .replace(/,$/u, '');
    // An apposition names the speaker on either side: "Denisov, a GPU official", "A GPU official, Denisov".
    const appositive = /^((?:\p{Lu}\.\s?)*\p{Lu}[\p{Ll}’'-]+), (?:a|an|the)\s[^,]+$|^(?:a|an|the)\s[^,]+, ((?:\p{Lu}\.\s?)*\p{Lu}[\p{Ll}’'-]+)$/u.exec(before);
    if (appositive) return { speaker: (appositive[1] ?? appositive[2])!, occasion: null };
    // "The Editors of Secret Documents state", "a correspondent for the Christian Science Monitor stated": the whole subject speaks.
    if (/^(the|a|an)\s/i.test(before) && /^(the|a|an)\s+\p{L}+(\s+(of|for)\s+(the\s+)?[\p{Lu}][\p{L}\s]*)?$/iu.test(before)) {
      return { speaker: before.charAt(0).toUpperCase() + before.slice(1), occasion: null };
    }
    const named = trailingName(before.split(' '));
    if (named) return { speaker: named.name, occasion: tidyOccasion(named.rest) };
    return null;
  }
  const poss = POSSESSIVE.exec(text);
  if (poss && !NOT_A_NAME.has(poss[1]!)) return { speaker: poss[1]!, occasion: tidyOccasion(poss[2]!) };
  const ofBy = OF_BY.exec(text);
  if (ofBy && !NOT_A_NAME.has(ofBy[2]!)) return { speaker: ofBy[2]!, occasion: tidyOccasion(ofBy[1]!.replace(/\s+(of|by|from)$/, '')) };
  // "Letter of rural correspondent Alekseev", "sent by rural correspondent Grebennikov", "from Yezhov and Shkiriatov".
  const described = DESCRIBED.exec(text);
  if (described && !NOT_A_NAME.has(described[1]!.split(/[\s,]/)[0]!)) return { speaker: described[1]!, occasion: null };
  // "…, Kuznetsov, regarding …": a role, then the name in apposition.
  const named = /\b(?:Secretary|Chairman|Commissar|chairman|secretary)\b[^,\]]*,\s+(\p{Lu}[\p{Ll}’'-]+),/u.exec(text);
  if (named) return { speaker: named[1]!, occasion: null };
  // "Yaroslavski to Politburo on library purge": a name writing to a body.
  const to = /(?:^|\.\s+)(\p{Lu}[\p{Ll}’'-]+)\s+to\s+(?:the\s+)?\p{Lu}/u.exec(text);
  if (to && !NOT_A_NAME.has(to[1]!)) return { speaker: to[1]!, occasion: null };
  // A body's own document: "NKVD report", "Politburo decision", "Politburo resolution".
  const body =
    /\b(NKVD|OGPU|Politburo|Orgburo|Central Committee|ECCI Secretariat|Comintern)\s+(?:report|decision|resolution|directive|order|memorandum|circular)\b/u.exec(
      text,
    ) ?? /^(Politburo|NKVD)\s+resolution\b/u.exec(text);
  if (body) return { speaker: `the ${body[1]!}`, occasion: null };
  return null;
}

/** The speaker of a compilation excerpt, from its lead-in or a "(X's comments only)" note; null when neither names one. */
const voices = new WeakMap<object, CompilationVoice | null>();

/** Once per passage: every quote of it asks again (attribution is on the hot path of each reply). */
export function compilationVoice(p: Pick<Passage, 'kind' | 'text' | 'quotedFrom'>): CompilationVoice | null {
  let v = voices.get(p);
  if (v === undefined) voices.set(p, (v = voiceOf(p)));
  return v;
}

/** Titles of one person's writings: "The Essential Stalin", "Stalin's Works", "Collected Works of Lenin". */
const ANTHOLOGY =
  /\b(?:Essential|Collected Works of|Selected Works of|Works of|Writings of)\s+(\p{Lu}\p{Ll}+)\b|^(\p{Lu}\p{Ll}+)['’]s\s+(?:Works|Writings|Speeches)\b/u;
/** A citation naming an editor or translator rather than an author. */
export const EDITED = /\b(?:ed\.|eds\.|edited by|trans\.|translated by)/i;

function voiceOf(p: Pick<Passage, 'kind' | 'text' | 'quotedFrom'>): CompilationVoice | null {
  if (p.kind !== 'quote') return null;
  const comments = /\((\p{Lu}[\p{L}'’-]+)[’']s comments only\)/u.exec(`${p.text} ${p.quotedFrom?.citation ?? ''}`);
  if (comments) return { speaker: comments[1]!, occasion: null };
  // Its own lead-in, or the one its excerpt opened with on an earlier paragraph.
  const lead = LEAD_IN.exec(p.text.trimStart())?.[1] ?? p.quotedFrom?.leadIn ?? null;
  const led = lead ? leadInVoice(lead) : null;
  if (led) return led;
  // An edited anthology of one person's writings ("The Essential Stalin …, ed. Franklin"): the words are that person's,
  // and the lead-in, if any, says on what occasion ("[Report to the 18th Congress on March 10, 1939]").
  const anthologist = ANTHOLOGY.exec(p.quotedFrom?.title ?? '');
  if (anthologist && EDITED.test(p.quotedFrom?.citation ?? ''))
    return { speaker: anthologist[1] ?? anthologist[2]!, occasion: lead ? tidyOccasion(lead) : null };
  if (lead) return null;
  // "I asked Littlepage: …" under a citation of Littlepage's book: someone writing in the first person
  // about the cited author is not the cited author (an introduction, a correspondent).
  const author = p.quotedFrom?.author?.split(/[,\s]/)[0];
  // Only the writer's own words count: someone quoted inside them ("My nephew here, …") is not the writer.
  const own = p.text.replace(/“[^”]*”?|"[^"]*"?/gu, ' ');
  if (author && /^\p{Lu}\p{Ll}+$/u.test(author) && /(^|\s)I\s/u.test(own) && new RegExp(`\\b${author}\\b`, 'u').test(own)) {
    return { speaker: `a writer other than ${author}`, occasion: null };
  }
  return null;
}

const CLAIMS = '(?:claims?|claimed|asserts?|asserted|alleges?|alleged|contends?|contended|insists?|insisted|maintains?|maintained)';
/** Claim verbs that report a claim without "that": "Molotov claimed he knew …"; "insisted on" is a demand, not a claim. */
const BARE_CLAIMS = '(?:claims?|claimed|asserts?|asserted|alleges?|alleged)';
const REPORTS = `(?:${CLAIMS}|claim|assert|allege|contend|insist|maintain|writes?|wrote|states?|stated|argues?|argued|believes?|believed|says?|said|suggests?|suggested|concluded|came to the conclusion)`;
const FIRST_PERSON = /^(I|We|This author|The author|This writer|Our|My)\b/i;
const PRONOUN = /^(He|She|They|The latter|The former)$/;
/** A person named in full, or introduced by trade ("historian Vadim Kozhinov", "Leonid Naumov", "L.A. Naumov"). */
const PERSON =
  /(?:\b(?:historian|author|writer|journalist|professor|scholar|researcher|Professor|Dr\.)\s+)?((?:\p{Lu}\.\s?)+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+)/gu;

/** Whom "he" means: the last person the sentence before names in full. */
function lastPerson(previous: string): string | null {
  let found: string | null = null;
  for (const m of previous.matchAll(PERSON)) {
    const first = m[1]!.split(/\s+/)[0]!;
    if (m[0] !== m[1] || /\./.test(first) || GIVEN_NAMES.has(first)) found = m[1]!;
  }
  return found;
}

/** Who can make a claim: someone named ("Khrushchev", "former premier Vyacheslav Molotov"), or a work or body that speaks ("the school manual …", "one university textbook"). */
const SPEAKING_NOUN =
  /\b(authors?|historians?|manual|textbooks?|books?|critics?|writers?|scholars?|researchers?|journalists?|propaganda|press|newspapers?|report|commission|officials?|leaders?|prosecutors?|defendants?|witnesses?|memoirs?|article|pamphlet|version|literature)\b/i;
const NOT_A_CLAIMANT = /^(This|That|These|Those|It|There|To|Despite|Now|Here|Then|When|If|Although|While|In|On|At|As|After|Before|Later)\b/u;

function isClaimant(subject: string): boolean {
  if (NOT_A_CLAIMANT.test(subject)) return false;
  const words = subject.split(/\s+/);
  // A capitalised word after the first (or a one-word capitalised subject) is a name.
  const named = words.some((w, i) => (i > 0 || words.length <= 3) && /^\p{Lu}\p{Ll}/u.test(w) && !NOT_A_CLAIMANT.test(w));
  return named || SPEAKING_NOUN.test(subject);
}

/**
 * Whose claim a sentence reports, when it reports one: "He claims that 43 per cent …" (he being
 * the historian named before), "the school manual … claims that", "according to X". Null for the
 * author's own claims and for reporting without a claim ("as Zhukov points out" is agreement,
 * kept as the author's).
 */
export function reportedClaimOf(sentence: string, previous: string | null = null): string | null {
  const according = /\baccording to ((?:the\s+)?(?:\p{Lu}[\p{L}'’.-]+\s?){1,4})/u.exec(sentence);
  const verb =
    new RegExp(`^(.{0,140}?)\\s+${REPORTS}\\s+(?:that|“|")`, 'u').exec(sentence) ??
    new RegExp(`^(.{0,140}?)\\s+${BARE_CLAIMS}\\b(?!\\s+(?:on|were|was|are|is|had|have|of)\\b)`, 'u').exec(sentence);
  let who: string | null = null;
  if (verb) {
    // The subject: after the last clause break before the verb, without leading connectives.
    let subject = verb[1]!
      .split(/[,;:—–(]\s*/u)
      .pop()!
      .trim();
    subject = subject
      .replace(/^(Thus|So|Yet|But|And|However|Moreover|Also|Even|Similarly|Instead|Initially|Later|Still)\s+/u, '')
      .replace(/^(while|whereas|although|though|since|because|as|if|when|whom|who)\s+/iu, '')
      .replace(/[’']s$/u, '');
    // "Stalin could claim", "Stalin had insisted", "Trotsky went on to claim": the subject without its auxiliary.
    subject = subject.replace(/\s+(could|would|had|has|have|did|does|do|might|may|also|then|still|went on to|continued to|began to|was to)$/u, '').trim();
    if (!subject || FIRST_PERSON.test(subject) || subject.split(/\s+/).length > 10) return null;
    // "to claim", "had to contend", "the alleged threat": not a subject making a claim.
    if (/\b(to|the|a|an|his|her|their|its|of)$/iu.test(subject)) return null;
    if (PRONOUN.test(subject)) {
      who = previous ? lastPerson(previous) : null;
    } else if (isClaimant(subject)) {
      who = subject;
    }
  } else if (according && !FIRST_PERSON.test(according[1]!)) {
    who = according[1]!.trim().replace(/[’']s$/u, '');
  }
  if (!who) return null;
  // Only a claim can be reported: plain narration ("Stalin said that the plan …") is the author's account when it is not a claim verb.
  if (!verb || new RegExp(`\\b${CLAIMS}\\b|conclusion`, 'u').test(sentence) || according) return who.replace(/\s+/g, ' ').replace(/[.,]$/, '');
  return null;
}
