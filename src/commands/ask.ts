/**
 * `/ask QUESTION`: an extractive answer. The one to three sentences that cover the question best,
 * each attributed; or, when nothing covers it well enough, an honest "the corpus does not say"
 * with the nearest passages offered as leads, never as the answer.
 */
import { clip } from '../core/text-safe.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { clipAtWord, mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { rootsOf } from '../core/relevance.ts';
import { question as analyseQuestion, rankSentences, readOn, type RankedSentence } from '../answer/engine.ts';
import type { Question } from '../answer/question.ts';
import { sentenceTokens } from '../answer/score.ts';
import { nearDuplicate } from '../answer/similar.ts';
import { askedSource, type AskedSource } from '../answer/asked-source.ts';
import { reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Passage } from '../corpus/types.ts';
import { hiddenPassages } from '../moderation/hidden.ts';

/** Share of the question's weighted words a sentence must hold itself to count as an answer. */
export const ANSWER_COVERAGE = 0.5;
const MAX_QUOTES = 5;

/**
 * The answer: the best sentence, the sentences nearly as good, and the best of every other source
 * that answers too, so a contested or "why" question shows each side. Null when nothing answers.
 */
export function chooseAnswer(q: Question, ranked: RankedSentence[]): RankedSentence[] | null {
  const need = Math.min(2, q.concepts.length);
  // A word the corpus never uses weighs as much as its rarest word and is never found.
  const missing = q.missing.length ? q.missing.length * Math.max(...q.concepts.map((c) => c.idf), 5) : 0;
  const scale = q.concepts.reduce((n, c) => n + c.idf, 0) / (q.concepts.reduce((n, c) => n + c.idf, 0) + missing || 1);
  // A reason is often given in the sentence after the one naming what it explains ("… had another motive. … were afraid that …").
  const covered = (r: RankedSentence) => (q.want === 'reason' && r.fit > 1 ? Math.max(r.own, 0.9 * r.coverage) : r.own);
  // "How many …?" is not answered by a sentence that gives no quantity at all, however many of its words it holds.
  // Nor "Where …?" by one that names no place (unless the question also asks when, and it gives a date).
  const countless = (r: RankedSentence) => (q.want === 'number' || q.want === 'place') && r.fit < 1;
  const answers = (r: RankedSentence) =>
    !countless(r) && covered(r) * scale * Math.min(r.fit, 1) >= ANSWER_COVERAGE && (r.matched >= need || covered(r) > r.own);
  const best = ranked.find(answers);
  if (!best) return null;
  const chosen: RankedSentence[] = [best];
  const overlaps = (r: RankedSentence) =>
    chosen.some(
      (c) =>
        (c.passage.id === r.passage.id && r.start < c.end && c.start < r.end) ||
        (c.passage.sourceId === r.passage.sourceId && nearDuplicate(c.passage.text.slice(c.start, c.end), r.passage.text.slice(r.start, r.end))),
    );
  const contested = q.want === 'position' || q.want === 'reason';
  for (const r of ranked) {
    if (chosen.length >= 3) break;
    if (r === best || !answers(r) || overlaps(r) || r.total < best.total * 0.85) continue;
    if (chosen.some((c) => c.passage.id === r.passage.id)) continue;
    chosen.push(r);
  }
  const heard = new Set(chosen.map((c) => c.passage.sourceId));
  // On a yes/no question another source's side counts when it names what is asked about and takes a stance ("the fabricated Tukhachevsky affair").
  const names = q.concepts.filter((c) => c.name);
  const side = (r: RankedSentence) =>
    q.want === 'position' &&
    r.fit > 1 &&
    names.length > 0 &&
    r.own * scale >= ANSWER_COVERAGE * 0.8 &&
    names.every((c) => sentenceTokens(r.passage)[r.index]!.some((t) => c.roots.has(t)));
  for (const r of ranked) {
    if (chosen.length >= MAX_QUOTES) break;
    if (heard.has(r.passage.sourceId) || !(answers(r) || side(r)) || r.total < best.total * (contested ? 0.55 : 0.7) || overlaps(r)) continue;
    heard.add(r.passage.sourceId);
    chosen.push(r);
  }
  return chosen;
}

/** A lead: a passage near the question, quoted by its sentence that came nearest. */
type Lead = { passage: Passage; start: number; end: number };

/**
 * Up to three passages near the question, each by its nearest sentence; those holding the kind of
 * answer asked for (a quantity for "how many", a date for "when") first.
 */
function leadsOf(ranked: RankedSentence[]): Lead[] {
  const near = ranked.slice(0, 12);
  const out: Lead[] = [];
  for (const r of [...near.filter((x) => x.fit >= 1), ...near]) {
    if (out.length === 3) break;
    if (!out.some((l) => l.passage.id === r.passage.id)) out.push({ passage: r.passage, start: r.start, end: r.end });
  }
  return out;
}

function leadUnits(ctx: CommandContext, leads: Lead[]): Unit[] {
  return leads.map((l) => quoteUnit(ctx.repo, l.passage, l.passage.text.slice(l.start, l.end)));
}

function notFound(ctx: CommandContext, question: string, missing: string[], leads: Lead[]): Reply {
  const never = missing.length ? ` No source uses the word${missing.length === 1 ? '' : 's'} ${missing.map((m) => `“${m}”`).join(', ')} in any form.` : '';
  const units = [
    textUnit(
      leads.length
        ? `No passage in the corpus answers “${question}” closely enough.${never} The nearest passages, as leads to read, not as an answer:`
        : `Nothing in the corpus matches “${question}”.${never} Try other words, a name (/who), or a topic (/compare).`,
    ),
    ...leadUnits(ctx, leads),
  ];
  return reply({
    kind: 'not-found',
    title: 'The corpus does not say',
    ...mergeUnits(units),
    actions: leads.slice(0, 3).map((l) => ctx.actions.make(`Read ${l.passage.id}`, { command: 'show', args: l.passage.id })),
  });
}

/** The source the question names does not answer it: said so, with its nearest passages as leads, and the whole corpus one click away. */
function sourceSilent(ctx: CommandContext, question: string, named: AskedSource, leads: Lead[]): Reply {
  const units = [
    textUnit(
      `No passage of ${named.label} answers “${question}” closely enough; other sources may (Ask all the sources).${leads.length ? ` Its nearest passages, as leads to read, not as an answer:` : ''}`,
    ),
    ...leadUnits(ctx, leads),
  ];
  return reply({
    kind: 'not-found',
    title: `${named.label} does not say`,
    ...mergeUnits(units),
    actions: [
      ctx.actions.make('Ask all the sources', { command: 'ask', args: named.rest }, 'primary'),
      ...leads.slice(0, 2).map((l) => ctx.actions.make(`Read ${l.passage.id}`, { command: 'show', args: l.passage.id })),
    ],
  });
}

function topicNotQuestion(ctx: CommandContext, question: string): Reply {
  const topic = question.replace(/[?!.]+$/u, '').trim();
  const person = ctx.people.resolve(topic).kind === 'person';
  return reply({
    kind: 'not-found',
    title: 'Ask a whole question',
    blocks: [
      {
        type: 'paragraph',
        text: `“${topic}” is a topic rather than a question, so no sentence can be said to answer it. ${person ? `/who ${topic} profiles the person; ` : ''}/compare ${topic} shows what each source says on it; or ask in full, e.g. /ask What happened in 1937?`,
      },
    ],
    actions: [
      ...(person ? [ctx.actions.make(`Who was ${topic}?`, { command: 'who', args: topic })] : []),
      ctx.actions.make(`Compare on ${topic}`.slice(0, 80), { command: 'compare', args: topic }),
    ],
  });
}

/** The question itself, shortened at a word when long. */
function askTitle(question: string): string {
  const { text, clipped } = clipAtWord(question, 200);
  return clipped ? `${text} …` : question;
}

export const askCommand = defineCommand({
  spec: {
    name: 'ask',
    description: 'A cited answer from the corpus, or an honest “the corpus does not say”.',
    usage: '/ask QUESTION',
    example: '/ask Who killed Kirov?',
    options: [{ name: 'question', description: 'Your question, in plain words', required: true, autocomplete: false, maxLength: 500 }],
    moderatorOnly: false,
    curatable: true,
  },
  schema: cleanText({ max: 500, emptyMessage: 'What is your question? For example: /ask Who killed Kirov?' }),
  curatedTitle: (_ctx, question) => askTitle(question),
  run(ctx, question, req: Request) {
    if (!rootsOf(question).length) {
      return reply({
        kind: 'error',
        ephemeral: true,
        title: 'Nothing to look up',
        blocks: [{ type: 'paragraph', text: 'That question has no words to search for. Ask with names, places, events or years, e.g. /ask Who killed Kirov?' }],
      });
    }
    // A single word ("1937", "Kirov?") is a topic, not a question: any sentence containing it would
    // "cover" it fully, and passing that off as the answer is what /ask must never do.
    if ((question.match(/[\p{L}\p{N}]+/gu) ?? []).length === 1) return topicNotQuestion(ctx, question);
    // "According to Reiman, …": the named source answers, alone.
    const named = askedSource(ctx.repo, question);
    const q = analyseQuestion(ctx, named?.rest ?? question);
    const ranked = rankSentences(ctx, q, { exclude: hiddenPassages(ctx, req.where), ...(named ? { sources: [named.sourceId] } : {}) });
    const chosen = chooseAnswer(q, ranked);
    const leads = () => leadsOf(ranked);
    if (!chosen && named) return sourceSilent(ctx, question, named, leads());
    if (!chosen) return notFound(ctx, question, q.missing, leads());
    const sources = new Set(chosen.map((c) => c.passage.sourceId)).size;
    // The best answer is read on while the text goes on about the question; the others only while they lean on it.
    const units = chosen.map((c, i) => {
      const span = readOn(ctx, q, c, i === 0 ? 2 : 1);
      return quoteUnit(ctx.repo, c.passage, c.passage.text.slice(span.start, span.end), undefined, { notes: i === 0 });
    });
    units.push(
      textUnit(
        `${chosen.length} passage${chosen.length === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}; the sources may disagree, so read each in context.`,
      ),
    );
    const first = chosen[0]!.passage;
    return reply({
      title: askTitle(question),
      ...mergeUnits(units),
      actions: [
        ctx.actions.make('More context', { command: 'show', args: first.id }, 'primary'),
        ctx.actions.make('Cite', { command: 'cite', args: first.id }),
        // One source: its card; several: the list of cards, so no cited source is left out.
        ctx.actions.make('Sources', { command: 'source', args: sources === 1 ? first.sourceId : '' }),
        ctx.actions.make('Report', { command: 'report', args: clip(`ask ${question}`, 500) }, 'danger'),
      ],
    });
  },
});
