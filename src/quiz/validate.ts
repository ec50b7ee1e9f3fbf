/**
 * The rules every question obeys, generated or written by a moderator: the answer is not in the
 * stem, options are distinct, the cited passage exists and the quote is verbatim in it.
 */
import type { CorpusRepo } from '../corpus/repo.ts';
import { containsWords, norm } from './text.ts';
import { QuestionBodySchema, type QuestionBody } from './types.ts';

/** Null when the question is sound; otherwise a short reason a moderator can act on. */
export function questionProblem(repo: CorpusRepo, body: QuestionBody): string | null {
  const parsed = QuestionBodySchema.safeParse(body);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'The question is not well formed.';
  const answer = body.options[body.answer]!;
  if (containsWords(body.stem, answer)) return 'The stem gives the answer away: the answer appears in it.';
  if (body.kind !== 'truefalse' && body.options.some((o) => containsWords(body.stem, o))) return 'An option appears in the stem.';
  const normalized = body.options.map(norm);
  if (new Set(normalized).size !== normalized.length) return 'Two options are the same.';
  const passage = repo.passage(body.passageId);
  if (!passage) return `No passage has the id “${body.passageId}”. Passage ids look like rei-4k9x2 and appear under every quote.`;
  if (!passage.text.includes(body.quote)) return `The quote is not verbatim in passage ${body.passageId}.`;
  return null;
}
