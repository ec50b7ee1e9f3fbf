/**
 * "Who?" questions: a sentence that defines a person (an office, a rank, a trade next to the
 * name) with the name blanked; distractors are people of the same walk of life.
 */
import { escapeRe, wholeWords } from '../core/word-pattern.ts';
import { GIVEN_NAMES, TITLES } from '../people/given-names.ts';
import { peopleDistractors } from './distractors.ts';
import { clozeStem, type Draft, type GenContext } from './draft.ts';
import { holds, roleClassesOf, type QuizPerson } from './people.ts';
import { mentionsIn } from '../people/mentions.ts';
import { blankOut, containsWords, type SentenceRef } from './text.ts';
import { STOPWORDS } from '../search/fts-query.ts';

/** Mentions across the corpus a who-question's answer needs. */
const MIN_MENTIONS = 5;

/** Words that say what someone was. */
const ROLE =
  /\b(?:People['’]s Commissar|[Cc]ommissar|[Hh]ead of|[Cc]hief of|[Cc]hief|Marshal|General|[Ss]ecretary|[Cc]hairman|[Ll]eader of|[Mm]ember of|[Cc]ommander|[Hh]istorian|[Jj]ournalist|[Ww]riter|[Pp]rofessor|[Aa]uthor of|[Dd]eputy|[Dd]irector|[Pp]rosecutor|[Aa]mbassador|[Ee]ditor|President|Premier|Prime Minister|[Mm]inister|[Cc]hancellor|[Ff]ounder of)\b/;

const ROLE_BEFORE_NAME = new RegExp(`(?:${ROLE.source})\\s+$`);

/** Capitalised words that may stand before a name without being part of it. */
const TITLE_WORDS =
  /^(?:The|A|An|In|On|At|By|For|With|And|But|When|While|After|Before|Comrade|Mr|Mrs|Dr|Secretary|Commissar|Chairman|Deputy|Head|Chief|Leader|Ambassador|Soviet|Russian|German|British|American|Polish|Cossack|Bolshevik|Trotskyite|Trotskyist)$/;

const INITIALS_BEFORE = /(?:(?:\p{Lu}\p{Ll}?\.)\s?)+$/u;

const PATRONYMIC = /(?:ovich|evich|ich|ovna|evna)$/;

/**
 * The full name span: the surname plus the given name, patronymic or initials printed before it.
 * Null when a capitalised word of unknown kind sits right before the name ("Christian Rakovsky"
 * with "Christian" unknown): blanking only part of a name would give the answer away.
 */
export function nameSpan(text: string, span: { start: number; end: number }, qp: QuizPerson): { start: number; end: number } | null {
  let start = span.start;
  const before = text.slice(0, start);
  for (const full of Object.keys(qp.person.fullNames).sort((a, b) => b.length - a.length)) {
    const given = full.slice(0, full.lastIndexOf(' ') + 1);
    if (given && before.endsWith(given)) {
      start -= given.length;
      break;
    }
  }
  for (;;) {
    const prev = /(\p{Lu}[\p{Ll}'’-]*\.?)\s+$/u.exec(text.slice(0, start));
    if (!prev) break;
    const word = prev[1]!;
    const isGiven = /^(?:\p{Lu}\p{Ll}?\.)+$/u.test(word) || GIVEN_NAMES.has(word) || PATRONYMIC.test(word);
    if (isGiven) {
      start = prev.index;
      continue;
    }
    if (TITLES.has(word.replace(/\.$/, '')) || ROLE.test(word) || TITLE_WORDS.test(word)) break;
    return null;
  }
  const initials = INITIALS_BEFORE.exec(text.slice(0, start));
  return { start: initials ? start - initials[0].length : start, end: span.end };
}

/** The words around the name that define the person (their office or trade), or null when none do. */
function defines(text: string, span: { start: number; end: number }): string | null {
  const after = text.slice(span.end);
  const appositive = /^(?:['’]s)?,\s+((?:the |a |an |then |former |later )*[^,;()]{3,80}?)(?:,|;|\.|$)/.exec(after);
  if (appositive && ROLE.test(appositive[1]!)) return appositive[1]!;
  // "was the head of …" or "was dismissed as head of …", not "was substituted by a new minister": a passive verb
  // says what befell them, not who they were, unless "as" names the office.
  const predicate = /^\s+(?:was|became|had been|served as|remained)\s+(?:\w+ed\s+as\s+)?(?!\w+ed\b)([^,;]{0,60})/.exec(after);
  if (predicate && ROLE.test(predicate[1]!)) return predicate[1]!;
  const clauseStart = Math.max(...[',', ';', '(', '—', ' – ', ':'].map((c) => text.lastIndexOf(c, span.start - 1)), -1);
  const lead = text.slice(clauseStart + 1, span.start);
  // "People's Commissar for Defence K.E. Voroshilov": a title phrase running straight into the name.
  // "the state security minister Yagoda": a role word right before the name is a title too.
  return lead.length <= 80 && ROLE.test(lead) && (/(?:\p{Lu}[\p{L}'’]*|of|for|the)\s+$/u.test(lead) || ROLE_BEFORE_NAME.test(lead)) ? lead : null;
}

/** Words of a role phrase that say which office it is ("leader", "right", "opposition"), at most three, longest first. */
function roleWords(role: string): string[] {
  return [...new Set((role.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)))].sort((a, b) => b.length - a.length).slice(0, 3);
}

/**
 * Whether the corpus says the role of the stem of this person too: a sentence naming them with the
 * role's words ("Rykov … leader of the Right opposition"). Then they are a second right answer.
 */
function alsoFits(ctx: GenContext, p: QuizPerson, role: string): boolean {
  const words = roleWords(role);
  if (!words.length) return false;
  const names = Object.keys(p.person.spellings);
  const anyName = `(${names.map((n) => `"${n.replace(/"/g, '""')}"`).join(' OR ')})`;
  const fts = `${anyName} AND ${words.map((w) => `"${w}"`).join(' AND ')}`;
  const said = wholeWords(names);
  const together = ctx.repo.match(fts, { limit: 20 }).some(({ passage: q }) =>
    q.sentences.some((x) => {
      const t = q.text.slice(x.start, x.end);
      return said.test(t) && words.every((w) => t.toLowerCase().includes(w));
    }),
  );
  if (together) return true;
  // "Rykov's 'Rightists'": the person's own followers, named by a word of the role, make them its leader too.
  const adherents = words.flatMap((w) => ['ist', 'ists', 'ite', 'ites'].map((x) => w + x));
  const theirs = new RegExp(`(?<!\\p{L})(?:${names.map(escapeRe).join('|')})['’]s\\s+['‘“"]?(?:${adherents.join('|')})(?!\\p{L})`, 'iu');
  const byName = `${anyName} AND (${adherents.map((w) => `"${w}"`).join(' OR ')})`;
  return ctx.repo.match(byName, { limit: 20 }).some(({ passage: q }) => theirs.test(q.text));
}

export function whoDraft(ctx: GenContext, s: SentenceRef): Draft | null {
  const mentions = mentionsIn(ctx.index, s.text);
  for (const [id, spans] of mentions) {
    const qp = ctx.people.get(id);
    // Someone the sources name a few times at least: a minor figure is trivia.
    if (!qp || spans.length !== 1 || qp.person.mentions < MIN_MENTIONS) continue;
    const span = nameSpan(s.text, spans[0]!, qp);
    const role = span && defines(s.text, span);
    if (!span || !role) continue;
    const stem = clozeStem(ctx, s, blankOut(s.text, span.start, span.end));
    const giveaway = [...Object.keys(qp.person.spellings), ...qp.display.split(/\s+/).filter((t) => t.length >= 3 && !t.endsWith('.'))];
    if (giveaway.some((w) => containsWords(stem, w))) continue;
    // Nobody named anywhere in the stem (the attribution too: "Real Stalin Series") is offered.
    // Wrong options held the same kind of office, as the corpus describes them: NKVD chiefs for an NKVD chief.
    // A role phrase naming no office ("the leader of an international conspiracy") takes the offices the answer is described with.
    const named = roleClassesOf(role);
    // "state security minister": the ministry is what the office is, not that it is a ministry.
    if (named.size > 1) named.delete('government');
    const usual = [...qp.described].sort((a, b) => b[1] - a[1])[0]?.[0];
    const office = named.size ? named : new Set(usual ? [usual] : []);
    // The rest of the stem can give the answer away ("… that the army would remain under his control"):
    // an office the stem speaks of and the answer holds, the wrong options hold too.
    const hinted = [...roleClassesOf(stem.replace(role, ' '))].filter((c) => c !== 'government' && !office.has(c) && holds(qp, c));
    const peers = [...ctx.people.values()].filter(
      (p) => (!office.size || [...office].some((c) => holds(p, c))) && (!hinted.length || hinted.some((c) => holds(p, c))) && !alsoFits(ctx, p, role),
    );
    const distractors = peopleDistractors(qp, peers, new Set([...mentions.keys(), ...mentionsIn(ctx.index, stem).keys()]));
    if (!distractors) continue;
    return {
      kind: 'who',
      prompt: 'Who fills the blank?',
      stem,
      answer: qp.display,
      distractors: distractors.map((d) => d.display),
      passage: s.passage,
      quote: s.text,
      personId: id,
    };
  }
  return null;
}
