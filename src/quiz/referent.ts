/** Whether a stem can be answered from itself: it names whom or what it is about. */
import { MONTHS } from './distractors.ts';

const MONTH = new RegExp(`^(?:${MONTHS.join('|')})$`);

/** The stem names whom or what it is about: a name after its first word, not only "he" or "a number of officials". */
export function hasReferent(text: string): boolean {
  // "anti-Stalinist" names no one: a capital after a hyphen is part of an adjective.
  const words = text.match(/(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]{2,}/gu) ?? [];
  return words.slice(/^\s*[“"‘]?\p{Lu}/u.test(text) ? 1 : 0).some((w) => !MONTH.test(w));
}

/** Openers that point back to what the sentence before said: "This time …", "Three days later …", "With these in hand …". */
const POINTS_BACK =
  /^[“"‘]?(?:He|She|They|It|Its|His|Her|Their|Them|This|These|That|Those|Such|Then|There|Here|Thus|So|Both|Neither|The latter|The former|The same|The next|The following|At that time|At the same time|At this|By then|With (?:these|this|them|it)|In (?:this|that|these|those)\b|After (?:this|that)|(?:Most|Many|Some|All|None|Few|Each|One|Several|Two|Three|Half) of (?:them|these|those|us)|(?:Testimony|Evidence|Proof|An example|Examples) (?:to|of|for) (?:this|that|these|it)|The (?:first|last|next) to|(?:\w+ ){1,3}(?:days?|weeks?|months?|years?) (?:later|after|before))\b/;
/** Words that open a sentence continuing the one before: a contrast, an addition, a consequence. */
const CONTINUES =
  /^[“"‘]?(?:But|However|Yet|And|Nevertheless|Nonetheless|Moreover|Furthermore|Besides|Still|Also|Therefore|Hence|Consequently|Accordingly|Likewise|Similarly|Meanwhile|Otherwise|Indeed|Even so)\b/;
/** "…, its tangible result was …": a possessive standing for the subject the sentence before named. */
const POSSESSIVE_SUBJECT = /(?:^|[,;:]\s+)(?:its|their)\s+(?:\p{Ll}+\s+){0,2}(?:was|were|is|are|had|has|came|lay)\b/u;
/** "the people judged thus", "those treated in this way": a group only the sentence before says how to find. */
const THUS_GROUP = /\b\p{Ll}+(?:ed|en)\s+(?:thus|so|in this way|in that way|likewise)\b/u;
/** "these authors", "those measures", "both secretaries", "three additional such lists", "this time": what the sentence before introduced. */
const DEMONSTRATIVE_GROUP =
  /\b(?:these|those)\s+(?!(?:years|days|months|words)\b)\p{Ll}{3,}|\bboth\s+\p{Ll}{3,}\b(?!\s+and\b)|\bsuch\s+(?!as\b|a\b|an\b)\p{Ll}{3,}|\b(?:this|that) time\b/u;
/** "the man", "the woman": a person named only as the one the reader already knows; no year identifies them. */
const UNNAMED_PERSON = /\bthe (?:man|woman|latter|former)\b(?! (?:of|on|for) \p{Lu})/iu;
/** Capitalised words that name no one a "he" could stand for. */
const NOT_PEOPLE =
  /^(?:Central|Committee|Party|Plenum|Congress|Soviet|Soviets|Union|USSR|NKVD|OGPU|Politburo|Red|Army|Communist|Bolshevik|Bolsheviks|Trotskyists?|Trotskyites?|Zinovievists?|Rightists?|State|Council|People['’]s|Commissariat|Moscow|Leningrad|Kremlin|Supreme|Court|Military|Academy|February-March|January-February)$/;
const PRONOUN = /\b(?:he|she|they|him|her|them|his|their|hers|theirs|its)\b/;
/** "the congress", "the meeting", "that year": an event named only as the one the reader already knows. */
const UNNAMED_EVENT =
  /\b(?:the (?:suspect |same )?(?:congress|meeting|plenum|session|trial|purge|committee|special committee|commission|conference|article|book|letter|document|investigation|operation|affair|case|campaign|group|suspects?)|that year|the same year|the following year|the year before|once again)\b(?! (?:of|on|for|against|into) \p{Lu})/iu;
const A_YEAR = /\b1[89]\d\d\b/;
/** A figure given for one place, as an example of a whole ("In the Smolensk province alone …"): an aside, not a question. */
export const EXAMPLE = /\b(?:alone|at one|in one|a single)\b/i;

/** "a remarkable investigation got underway": an event that is some investigation or campaign, never named. */
const VAGUE_EVENT =
  /(?:^|[,;]\s+)(?:a|an)\s+(?:\p{Ll}+\s+){0,2}(?:investigation|inquiry|campaign|case|affair|operation|trial|meeting|process|wave|purge|decision|plan|plot|conspiracy|group|organi[sz]ation|commission)\s+(?:\p{Ll}+\s+)?(?:was|were|got|began|started|took|came|had|opened|followed)\b/u;

/** The event is some investigation, campaign or affair the text does not name ("a remarkable investigation got underway in the Kremlin"). */
export function vagueEvent(text: string): boolean {
  return VAGUE_EVENT.test(text);
}

/** "the man", "the woman": a person the text never names; no sentence before can make a stem about them answerable. */
export function unnamedPerson(text: string): boolean {
  return UNNAMED_PERSON.test(text);
}

/** The text speaks of a thing or person only as the one the reader already knows ("the suspect group", "these authors", "the man"). */
export function namesUnknown(text: string): boolean {
  return UNNAMED_EVENT.test(text) || UNNAMED_PERSON.test(text) || DEMONSTRATIVE_GROUP.test(text);
}

/**
 * The text points to something it does not name: it opens by pointing back, or a "he" or "they"
 * comes before anyone is named ("In 1937–38, they handed down …"). Such a stem cannot be
 * answered from itself.
 */
export function dangling(text: string): boolean {
  const t = text.trim();
  if (POINTS_BACK.test(t) || /^(?:Once again|Instead|Again|Later|Subsequently)\b/.test(t)) return true;
  // "But Kuybyshev was identified with Stalin …": a sentence opening on a turn or a sequel answers one the student cannot see.
  if (CONTINUES.test(t)) return true;
  // "… after the congress": which one, unless the sentence gives its year.
  if (UNNAMED_EVENT.test(t) && !A_YEAR.test(t.replace(UNNAMED_EVENT, ''))) return true;
  if (UNNAMED_PERSON.test(t) || POSSESSIVE_SUBJECT.test(t) || DEMONSTRATIVE_GROUP.test(t) || THUS_GROUP.test(t)) return true;
  const pronoun = PRONOUN.exec(t);
  if (!pronoun) return false;
  // "At the February-March plenum of the Central Committee … he demanded": a plenum is no one.
  const before = t.slice(0, pronoun.index).replace(/(?<![\p{L}'’])\p{Lu}[\p{L}'’-]*/gu, (w) => (NOT_PEOPLE.test(w) ? w.toLowerCase() : w));
  return !hasReferent(before);
}

const YEAR = /\b(1[89]\d\d)(?:s|\b)/g;

/** A work a sentence may open on: a film, a novel, an article. */
const WORK = /\b(?:film|movie|novel|play|poem|song|opera|book|article|pamphlet|memoirs?)\b/i;

/**
 * The sentence is about a work ("In 1935 a Soviet film, The Party Card, showed …"): an illustration
 * of the times, whose date or plot is not what a study of the terror learns.
 */
export function aboutAWork(text: string): boolean {
  return WORK.test(text.slice(0, 40));
}

/**
 * Whether the text is set in the purge era or its reckoning: a year of 1930–1940 (the terror
 * and the collectivisation and party purges that led to it) or after 1953 (rehabilitation, the
 * secret speech), or no year at all. "At Yalta in 1945", the war plans of 1941 or the faction
 * fights of 1928 are other stories, even when a purged commander is named in them.
 */
export function inPurgeEra(text: string, context = ''): boolean {
  // The sentence's own years decide; a sentence without one is dated by its paragraph.
  let years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  if (!years.length) years = [...context.matchAll(YEAR)].map((m) => Number(m[1]));
  return !years.length || years.some((y) => (y >= 1930 && y <= 1940) || y >= 1953);
}

/**
 * Words of the terror itself: arrests, trials, executions, the police, confessions, plots. A
 * question's sentence must use one: a sentence on the 1944 Slovak uprising or on a book's page
 * count can sit in a central paragraph and still be trivia.
 */
export const TERROR_WORDS =
  /\b(?:arrest\w*|execut\w*|shot|shoot\w*|trial\w*|tried|purg\w*|repress\w*|NKVD|OGPU|GPU|Cheka|troikas?|sentenc\w*|confess\w*|plot\w*|conspir\w*|terror\w*|expel\w*|expuls\w*|camps?|Gulag|exil\w*|deport\w*|victims?|kulaks?|quotas?|rehabilitat\w*|tortur\w*|interrogat\w*|prosecut\w*|spy|spies|espionage|sabotag\w*|wreck\w*|Trotskyi\w*|opposition\w*|counter-?revolution\w*|murder\w*|kill\w*|assassin\w*|reprisals?|Yezhov|Yagoda|Beria|Vyshinsky|Order 00447|treason|traitors?|enem(?:y|ies))\b/i;
