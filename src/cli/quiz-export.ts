/**
 * `sourcebook quiz export --json`: the whole generated question bank, for moderators and tools to
 * review, with its balance by kind, source and topic (the same counts the bank is judged by).
 */
import type { EngineContext } from '../answer/engine.ts';
import { generateQuestions } from '../quiz/generate.ts';
import type { Question } from '../quiz/types.ts';
import { explanation } from '../quiz/render.ts';

export interface BankExport {
  questions: {
    id: string;
    kind: string;
    prompt: string;
    stem: string;
    options: string[];
    answer: string;
    passage: string;
    source: string;
    quote: string;
    also: { passage: string; quote: string }[];
    topic: string | null;
    centrality: number | null;
    /** What a student sees after answering: the cited quote with its attribution, then any note. */
    explanation: string;
  }[];
  balance: {
    total: number;
    byKind: Record<string, number>;
    bySource: Record<string, number>;
    byTopic: Record<string, number>;
    /** Shares the issue caps: date clozes and true/false items. */
    dateShare: number;
    trueFalseShare: number;
  };
}

function count(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')));
}

function explanationText(ctx: EngineContext, q: Question): string {
  const u = explanation(ctx, q, '');
  return u.blocks
    .map((b) => (b.type === 'quote' ? `${b.attribution}: “${b.text}”` : 'text' in b ? b.text : ''))
    .filter(Boolean)
    .join(' ');
}

export function bankExport(ctx: EngineContext, questions: Question[] = generateQuestions(ctx)): BankExport {
  const sourceOf = (q: Question) => ctx.repo.passage(q.passageId)?.sourceId ?? 'unknown';
  const share = (k: string) => (questions.length ? Math.round((1000 * questions.filter((q) => q.kind === k).length) / questions.length) / 1000 : 0);
  return {
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      stem: q.stem,
      options: q.options,
      answer: q.options[q.answer]!,
      passage: q.passageId,
      source: sourceOf(q),
      quote: q.quote,
      also: (q.also ?? []).map((a) => ({ passage: a.passageId, quote: a.quote })),
      topic: q.topic ?? null,
      centrality: q.centrality ?? null,
      explanation: explanationText(ctx, q),
    })),
    balance: {
      total: questions.length,
      byKind: count(questions.map((q) => q.kind)),
      bySource: count(questions.map(sourceOf)),
      byTopic: count(questions.map((q) => q.topic ?? 'none')),
      dateShare: share('date'),
      trueFalseShare: share('truefalse'),
    },
  };
}

/** The balance as lines for a terminal. */
export function balanceText(b: BankExport['balance']): string {
  const line = (label: string, r: Record<string, number>) =>
    `${label}: ${Object.entries(r)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`;
  return [
    `${b.total} questions; date clozes ${(100 * b.dateShare).toFixed(1)}%, true/false ${(100 * b.trueFalseShare).toFixed(1)}%`,
    line('by kind', b.byKind),
    line('by source', b.bySource),
    line('by topic', b.byTopic),
  ].join('\n');
}
