/**
 * The rules every question obeys, generated or written by a moderator: the answer is not in the
 * stem (nor any word of a person's name), options are distinct, the cited passage exists and the
 * quote is verbatim in it.
 */
import type { CorpusRepo } from '../corpus/repo.ts';
import { containsWords, norm } from './text.ts';
import { QuestionBodySchema, type QuestionBody } from './types.ts';

/** Name words: "Genrikh", "Yagoda", "Ter-Vaganyan"; initials ("N.B.") and particles count as name words too. */
const NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*|(?:\p{Lu}\.)+|von|van|de|der)$/u;
const NOT_NAMES = new Set(['The', 'A', 'An']);

/**
 * The words of a person's name that give it away on their own: "Genrikh Yagoda" → Genrikh, Yagoda
 * (a stem naming "Yagoda" answers "Who…?"). Null when the answer does not read as a name; `who`
 * answers always do.
 */
export function nameWords(answer: string, isPerson: boolean): string[] | null {
  const tokens = answer.trim().split(/\s+/);
  const nameLike = tokens.length <= 5 && tokens.every((t) => NAME_WORD.test(t) && !NOT_NAMES.has(t));
  if (!isPerson && !nameLike) return null;
  return tokens.filter((t) => t.length >= 3 && !t.endsWith('.') && /^\p{Lu}/u.test(t));
}

/** Null when the question is sound; otherwise a short reason a moderator can act on. */
export function questionProblem(repo: CorpusRepo, body: QuestionBody): string | null {
  const parsed = QuestionBodySchema.safeParse(body);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'The question is not well formed.';
  const answer = body.options[body.answer]!;
  if (containsWords(body.stem, answer)) return 'The stem gives the answer away: the answer appears in it.';
  const leak = nameWords(answer, body.kind === 'who')?.find((w) => containsWords(body.stem, w));
  if (leak) return `The stem gives the answer away: “${leak}”, part of the answer’s name, appears in it.`;
  if (body.kind !== 'truefalse' && body.options.some((o) => containsWords(body.stem, o))) return 'An option appears in the stem.';
  const normalized = body.options.map(norm);
  if (new Set(normalized).size !== normalized.length) return 'Two options are the same.';
  const passage = repo.passage(body.passageId);
  if (!passage) return `No passage has the id “${body.passageId}”. Passage ids look like rei-87dfk and appear under every quote.`;
  if (!passage.text.includes(body.quote)) return `The quote is not verbatim in passage ${body.passageId}.`;
  for (const a of body.also ?? []) if (!repo.passage(a.passageId)?.text.includes(a.quote)) return `The quote cited from ${a.passageId} is not verbatim in it.`;
  return null;
}
