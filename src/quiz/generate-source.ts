/**
 * "Which source says this?": a short verbatim quote, the five sources as options. Trains source
 * criticism: the same events sound different in a monograph, an essay and a compilation. A quote
 * that another source also contains (a compilation quoting an essay) is never used, and neither are
 * words a source quotes from someone else (a quotation passage, or a sentence inside quotation
 * marks): the answer would credit a third party's words to the source that quoted them.
 */
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import type { Source } from '../corpus/types.ts';
import type { Draft, GenContext } from './draft.ts';
import { hash32, norm, usableSentence, type SentenceRef } from './text.ts';

/** How a source is named as an option: "Reiman (2016)". */
export function sourceOption(s: Source): string {
  return `${authorLabel(s.meta)} (${yearLabel(s.meta)})`;
}

/** Per source, so every source is the answer about equally often. */
export const SOURCE_QUESTIONS_PER_SOURCE = 8;

/** Words that would name the source inside the quote. */
function giveaways(s: Source): string[] {
  return [...s.meta.authors.map((a) => a.family), authorLabel(s.meta), s.meta.title].filter((w) => w.length >= 4);
}

/** Whether the sentence at `start` is the source's own words: not a quotation passage, not inside an open quotation. */
export function ownWords(s: SentenceRef): boolean {
  const p = s.passage;
  if (p.kind === 'quote' || p.quotedFrom) return false;
  if (/^[“"‘]/.test(s.text.trim())) return false;
  const before = p.text.slice(0, s.start);
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return opened <= 0 && (before.match(/"/g) ?? []).length % 2 === 0;
}

function interesting(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 9 && (/\d/.test(text) || /\s\p{Lu}\p{Ll}{2,}/u.test(text));
}

/** Up to `perSource` quotes per source, chosen by hash among sentences that only that source contains. */
export function sourceDrafts(ctx: GenContext, sentences: SentenceRef[], perSource = SOURCE_QUESTIONS_PER_SOURCE): Draft[] {
  const sources = ctx.repo.sources();
  const options = sources.map(sourceOption);
  const normalizedBySource = new Map(sources.map((s) => [s.meta.id, ctx.repo.passagesOf(s.meta.id).map((p) => norm(p.text)).join('\n')]));
  const out: Draft[] = [];
  for (const source of sources) {
    const label = sourceOption(source);
    const words = giveaways(source).map((w) => ` ${norm(w)} `);
    const candidates = sentences
      .filter((s) => s.passage.sourceId === source.meta.id && ownWords(s) && usableSentence(s.text, { min: 60, max: 200 }) && interesting(s.text))
      .filter((s) => {
        const text = ` ${norm(s.text)} `;
        return !words.some((w) => text.includes(w));
      })
      .sort((a, b) => hash32(`${a.passage.id}:${a.start}`) - hash32(`${b.passage.id}:${b.start}`));
    let taken = 0;
    for (const s of candidates) {
      if (taken === perSource) break;
      const key = norm(s.text);
      const elsewhere = sources.some((o) => o.meta.id !== source.meta.id && normalizedBySource.get(o.meta.id)!.includes(key.slice(0, 80)));
      if (elsewhere) continue;
      out.push({
        kind: 'source',
        prompt: 'Which source says this?',
        stem: `“${s.text.trim()}”`,
        answer: label,
        distractors: options.filter((o) => o !== label),
        order: options,
        passage: s.passage,
        quote: s.text,
      });
      taken++;
    }
  }
  return out;
}
