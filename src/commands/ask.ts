/**
 * `/ask QUESTION`: an extractive answer. The one to three sentences that cover the question best,
 * each attributed; or, when nothing covers it well enough, an honest "the corpus does not say"
 * with the nearest passages offered as leads, never as the answer.
 */
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { clipAtWord, insideQuotation, mergeUnits, quoteUnit, textUnit, withLeadIn } from '../core/quotes.ts';
import { nameFamilies, rootsOf, sentenceRootsOf, termWeights } from '../core/relevance.ts';
import { reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Passage } from '../corpus/types.ts';
import { inAuthorsVoice } from '../corpus/cite.ts';
import { hiddenPassages } from './hidden.ts';
import { figuresIn } from '../core/figures.ts';
import { memoByObject } from '../core/memo.ts';
import { GIVEN_NAMES } from '../people/given-names.ts';

/** Share of the question's weighted words a sentence must contain to count as an answer. */
export const ANSWER_COVERAGE = 0.6;

type Want = 'person' | 'time' | 'number' | null;

function wants(question: string): Want {
  const q = question.toLowerCase();
  if (/\bhow (many|much)\b|\bwhat (number|proportion|percentage)\b/.test(q)) return 'number';
  if (/\bwhen\b|\bwhat (year|date|month)\b/.test(q)) return 'time';
  if (/^\s*(who|whom)\b/.test(q)) return 'person';
  return null;
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const FULL_NAME = /(?<!\p{L})(\p{Lu}\p{Ll}+)\s(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+/gu;

const FULL_DATE = new RegExp(`\\b\\d{1,2}\\s${MONTH}\\b|\\b${MONTH}\\s\\d{1,2}\\b`);
const YEAR_OR_MONTH = new RegExp(`\\b1[89]\\d\\d\\b|${MONTH}`);

/** Per passage, want and sentence index → fit: the same passages come back for question after question. */
const fits = memoByObject((_p: Passage) => new Map<string, number>());

function fitOf(want: Want, p: Passage, index: number, sentence: string): number {
  if (want === null) return 1;
  const known = fits(p);
  const key = `${want}${index}`;
  let f = known.get(key);
  if (f === undefined) known.set(key, (f = fit(want, sentence)));
  return f;
}

/** 0: the sentence cannot hold that kind of answer; 1: it can; 1.15: it plainly does (a figure, a full date, a full name). */
function fit(want: Want, sentence: string): number {
  switch (want) {
    case 'number':
      if (figuresIn(sentence).length) return 1.15;
      return /\d|\b(hundred|thousand|million|dozen)s?\b/i.test(sentence) ? 1 : 0.7;
    case 'time':
      if (FULL_DATE.test(sentence)) return 1.15;
      return YEAR_OR_MONTH.test(sentence) ? 1 : 0.7;
    case 'person':
      if ([...sentence.matchAll(FULL_NAME)].some((m) => GIVEN_NAMES.has(m[1]!))) return 1.15;
      return /\p{Lu}\p{Ll}+/u.test(sentence.slice(1)) ? 1 : 0.7;
    default:
      return 1;
  }
}

interface Candidate {
  passage: Passage;
  start: number;
  end: number;
  score: number;
  coverage: number;
}


export function rankSentences(ctx: CommandContext, question: string, exclude: ReadonlySet<string>): { candidates: Candidate[]; leads: Passage[] } {
  const roots = rootsOf(question);
  const names = nameFamilies(question, (t) => ctx.people.spellingsFor(t));
  const hits = ctx.repo.search(question, { limit: 40, exclude });
  const w = termWeights(ctx.db);
  const want = wants(question);
  const candidates: Candidate[] = [];
  const need = Math.min(2, roots.length);
  for (const h of hits) {
    // Interviewers' questions and unsigned ledes are not the source's answer.
    if (!inAuthorsVoice(ctx.repo.source(h.passage.sourceId)!.meta, h.passage)) continue;
    const rootSets = sentenceRootsOf(h.passage);
    for (const [i, s] of h.passage.sentences.entries()) {
      const text = h.passage.text.slice(s.start, s.end);
      if (text.length < 25 || text.endsWith('?')) continue;
      // Someone quoted inside the passage is shown with the lead-in that names them, or not at all.
      const span = insideQuotation(h.passage, s) ? withLeadIn(h.passage, i) : s;
      if (!span) continue;
      const { coverage, matched } = w.coverage(roots, rootSets[i]!, names);
      if (matched < need) continue;
      const f = fitOf(want, h.passage, i, text);
      // Coverage decides whether it answers at all; the kind of answer it holds decides which answers best.
      candidates.push({ passage: h.passage, start: span.start, end: span.end, coverage: coverage * Math.min(f, 1), score: coverage * f + 0.02 * Math.min(h.score, 10) });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return { candidates, leads: hits.slice(0, 3).map((h) => h.passage) };
}

function notFound(ctx: CommandContext, question: string, leads: Passage[]): Reply {
  const units = [
    textUnit(
      leads.length
        ? `No passage in the corpus answers “${question}” closely enough. The nearest passages, as leads to read, not as an answer:`
        : `Nothing in the corpus matches “${question}”. Try other words, a name (/who), or a topic (/compare).`,
    ),
    ...leads.map((p) => quoteUnit(ctx.repo, p, p.text.slice(p.sentences[0]?.start ?? 0, p.sentences[0]?.end ?? p.text.length))),
  ];
  return reply({
    kind: 'not-found',
    title: 'The corpus does not say',
    ...mergeUnits(units),
    actions: leads.slice(0, 3).map((p) => ctx.actions.make(`Read ${p.id}`, { command: 'show', args: p.id })),
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

export const askCommand = defineCommand({
  spec: {
    name: 'ask',
    description: 'A cited answer from the corpus, or an honest “the corpus does not say”.',
    usage: '/ask QUESTION',
    example: '/ask Who killed Kirov?',
    options: [{ name: 'question', description: 'Your question, in plain words', required: true, autocomplete: false, maxLength: 500 }],
    moderatorOnly: false,
  },
  schema: cleanText({ max: 500, emptyMessage: 'What is your question? For example: /ask Who killed Kirov?' }),
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
    const { candidates, leads } = rankSentences(ctx, question, hiddenPassages(ctx, req.where));
    const best = candidates[0];
    if (!best || best.coverage < ANSWER_COVERAGE) return notFound(ctx, question, leads);
    const chosen: Candidate[] = [];
    for (const c of candidates) {
      if (c.coverage < Math.max(ANSWER_COVERAGE, best.coverage * 0.8)) break;
      if (chosen.some((x) => x.passage.id === c.passage.id)) continue;
      chosen.push(c);
      if (chosen.length === 3) break;
    }
    const sources = new Set(chosen.map((c) => c.passage.sourceId)).size;
    const units = chosen.map((c) => quoteUnit(ctx.repo, c.passage, c.passage.text.slice(c.start, c.end)));
    units.push(textUnit(`${chosen.length} passage${chosen.length === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}; the sources may disagree, so read each in context.`));
    const first = chosen[0]!.passage;
    return reply({
      title: clipAtWord(question, 200).clipped ? `${clipAtWord(question, 200).text} …` : question,
      ...mergeUnits(units),
      actions: [
        ctx.actions.make('More context', { command: 'show', args: first.id }, 'primary'),
        ctx.actions.make('Cite', { command: 'cite', args: first.id }),
        // One source: its card; several: the list of cards, so no cited source is left out.
        ctx.actions.make('Sources', { command: 'source', args: sources === 1 ? first.sourceId : '' }),
        ctx.actions.make('Report', { command: 'report', args: `ask ${question}`.slice(0, 500) }, 'danger'),
      ],
    });
  },
});
