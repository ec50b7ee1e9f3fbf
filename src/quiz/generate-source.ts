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
import { quotedVoice, toldElsewhere } from './honest.ts';
import { mentionsIn } from '../people/mentions.ts';
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

/** Words of a judgement, a cause or a dispute: what tells one source's account from another's. */
const TAKES_POSITION =
  /\b(fabricat\w*|invent\w*|myths?|genuine|in fact|in reality|indeed|because|reasons?|caus\w*|responsib\w*|guilty|innocent|false(?:ly)?|proof|proved|pretext\w*|slander\w*|lies|exaggerat\w*|so-called|alleged\w*|real (?:purpose|reason|aim|conspiracy)|conspira\w*|plot\w*)\b/i;

function namesOnlyHere(ctx: GenContext, text: string, sourceId: string): boolean {
  for (const id of mentionsIn(ctx.index, text).keys()) {
    const p = ctx.index.byId(id);
    if (p && Object.keys(p.bySource).length === 1 && p.bySource[sourceId]) return true;
  }
  return false;
}

function interesting(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 9 && (/\d/.test(text) || /\s\p{Lu}\p{Ll}{2,}/u.test(text));
}

/**
 * Up to `perSource` quotes per source, chosen by hash among sentences that only that source
 * contains. An excerpt a source quotes (the compilation is all excerpts) is asked as "Which source
 * quotes this?", with whose words they are in the stem.
 */
/** A turn of a quoted interview, as printed: "CHUEV: …", "Q: …". */
const SPEAKER_LABEL = /^[“"]?\p{Lu}[\p{Lu} .'’-]{0,30}:\s/u;

export function sourceDrafts(ctx: GenContext, sentences: SentenceRef[], perSource = SOURCE_QUESTIONS_PER_SOURCE): Draft[] {
  const sources = ctx.repo.sources();
  const options = sources.map(sourceOption);
  const normalizedBySource = new Map(
    sources.map((s) => [
      s.meta.id,
      ctx.repo
        .passagesOf(s.meta.id)
        .map((p) => norm(p.text))
        .join('\n'),
    ]),
  );
  const out: Draft[] = [];
  for (const source of sources) {
    const label = sourceOption(source);
    const words = giveaways(source).map((w) => ` ${norm(w)} `);
    const candidates = sentences
      .filter(
        (s) =>
          s.passage.sourceId === source.meta.id &&
          (ownWords(s) || quotedVoice(s.passage) !== null) &&
          usableSentence(s.text, { min: 60, max: 220 }) &&
          interesting(s.text) &&
          // "CHUEV: …": a speaker's label tells the format (a quoted interview), and with it the source.
          !SPEAKER_LABEL.test(s.text),
      )
      .filter((s) => {
        const text = ` ${norm(s.text)} `;
        return !words.some((w) => text.includes(w));
      })
      // Something a reader can place: a position taken, or someone only this source names.
      .filter((s) => TAKES_POSITION.test(s.text) || namesOnlyHere(ctx, s.text, source.meta.id))
      // The most central first (the caller's order), ties by hash so no one chapter crowds the rest out.
      // A sentence that takes a position ("invented", "because", "in fact") says more about its source than a dated fact.
      .map((s, i) => ({ s, i: i - (TAKES_POSITION.test(s.text) ? 1000 : 0) }))
      .sort((a, b) => Math.floor(a.i / 10) - Math.floor(b.i / 10) || hash32(`${a.s.passage.id}:${a.s.start}`) - hash32(`${b.s.passage.id}:${b.s.start}`))
      .map(({ s }) => s);
    let taken = 0;
    // A source that both writes and quotes gives some of each, in turn.
    const own = candidates.filter((c) => quotedVoice(c.passage) === null);
    const quotes = candidates.filter((c) => quotedVoice(c.passage) !== null);
    const turns = Array.from({ length: Math.max(own.length, quotes.length) }, (_, i) => [quotes[i], own[i]])
      .flat()
      .filter((c): c is SentenceRef => c !== undefined);
    // A source made only of quotations is recognised by their style: fewer of its questions.
    const limit = own.length ? perSource : Math.ceil(perSource / 3);
    for (const s of turns) {
      if (taken === limit) break;
      const voice = quotedVoice(s.passage);
      const key = norm(s.text);
      const elsewhere = sources.some((o) => o.meta.id !== source.meta.id && normalizedBySource.get(o.meta.id)!.includes(key.slice(0, 80)));
      if (elsewhere || toldElsewhere(ctx.engine, s.passage, s.text)) continue;
      out.push({
        kind: 'source',
        // One prompt for every source: which one says it and which one quotes it is for the student to tell.
        // Whose words they are is told after the answer: naming a quoted author in the stem points to the one source made of quotations.
        prompt: 'Which source has these words, its own or quoted?',
        stem: `“${s.text.trim()}”`,
        ...(voice ? { note: `These are the words of ${voice}, as the source quotes them.`.slice(0, 300) } : {}),
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
