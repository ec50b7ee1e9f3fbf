/**
 * Generates the question bank from the corpus. Deterministic: the same corpus gives the same
 * questions, options in the same order, with the same ids (choices are hashes of content).
 * One question per sentence; questions that fail any check are dropped, never repaired.
 */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { Draft, GenContext } from './draft.ts';
import { dateDraft } from './generate-date.ts';
import { figureDraft } from './generate-figure.ts';
import { sourceDrafts } from './generate-source.ts';
import { DOES_NOT_SAY, SAYS, trueFalseDraft } from './generate-truefalse.ts';
import { whoDraft } from './generate-who.ts';
import { quizPeople } from './people.ts';
import { corpusSentences, hash32, norm, seededShuffle, stableId, statementPassage, usableSentence, type SentenceRef } from './text.ts';
import type { Question } from './types.ts';
import { questionProblem } from './validate.ts';

/** Questions about one person, so the bank is not mostly about Stalin. */
const MAX_PER_PERSON = 3;

function toQuestion(d: Draft): Question {
  const id = stableId('q', d.kind, d.passage.id, d.stem, d.answer);
  // "Says this" comes before "does not say this"; sources are always listed alike; other options are shuffled.
  const ordered = d.order ?? (d.kind === 'truefalse' ? [SAYS, DOES_NOT_SAY] : seededShuffle([d.answer, ...d.distractors], id));
  return {
    id,
    origin: 'generated',
    kind: d.kind,
    prompt: d.prompt,
    stem: d.stem,
    options: ordered,
    answer: ordered.indexOf(d.answer),
    passageId: d.passage.id,
    quote: d.quote,
    ...(d.note ? { note: d.note } : {}),
  };
}

/**
 * One question for a sentence that is not a "who" question: a figure or date question, or now and
 * then (by hash) a true-or-false built on the same figure or date; a sentence with only a name
 * becomes a true-or-false more rarely, so names do not crowd out figures and dates.
 */
function pickDraft(ctx: GenContext, s: SentenceRef): Draft | null {
  const roll = hash32(`${s.passage.id}:${s.start}:kind`);
  const figure = figureDraft(ctx, s);
  const usable = usableSentence(s.text);
  const date = figure || !usable ? null : dateDraft(ctx, s);
  if (figure || date) return (roll % 4 === 0 && usable ? trueFalseDraft(ctx, s) : null) ?? figure ?? date;
  return usable && roll % 6 === 0 ? trueFalseDraft(ctx, s) : null;
}

export function generateQuestions(repo: CorpusRepo, index: PeopleIndex): Question[] {
  const sentences = corpusSentences(repo).filter((s) => statementPassage(s.passage));
  const ctx: GenContext = { repo, index, people: quizPeople(index, sentences) };
  const drafts: Draft[] = sourceDrafts(ctx, sentences);
  const used = new Set(drafts.map((d) => `${d.passage.id}:${d.quote}`));
  const perPerson = new Map<string, number>();

  for (const s of sentences) {
    if (used.has(`${s.passage.id}:${s.text}`)) continue;
    const who = usableSentence(s.text) ? whoDraft(ctx, s) : null;
    if (who && (perPerson.get(who.personId!) ?? 0) < MAX_PER_PERSON) {
      perPerson.set(who.personId!, (perPerson.get(who.personId!) ?? 0) + 1);
      drafts.push(who);
      continue;
    }
    const pick = pickDraft(ctx, s);
    if (pick) drafts.push(pick);
  }

  const seenStems = new Set<string>();
  const out: Question[] = [];
  for (const d of drafts) {
    const key = norm(d.stem);
    if (seenStems.has(key)) continue;
    const q = toQuestion(d);
    if (questionProblem(repo, q)) continue;
    seenStems.add(key);
    out.push(q);
  }
  return out;
}
