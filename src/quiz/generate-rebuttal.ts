/**
 * Claim and rebuttal: a source reports someone else's figure and then gives its own. The question
 * shows the reported claim, attributed to whoever made it, and asks for the source's own figure,
 * so the question teaches the disagreement.
 */
import { authorLabel } from '../corpus/cite.ts';
import { reportedClaimAt } from '../core/quotes.ts';
import { figureDistractors, isPercent, parseFigure } from './distractors.ts';
import { sourceLabel, type Draft, type GenContext } from './draft.ts';
import { quizFigure } from './generate-figure.ts';
import { ownClaim } from './honest.ts';
import { containsWords, usableSentence, type SentenceRef } from './text.ts';

/** How far after the claim the source's own figure may stand, in sentences. */
const WITHIN = 3;

export function rebuttalDrafts(ctx: GenContext, sentences: readonly SentenceRef[]): Draft[] {
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    const p = s.passage;
    if (p.kind === 'quote') continue;
    const i = p.sentences.findIndex((x) => x.start === s.start);
    const claimant = reportedClaimAt(p, i);
    if (!claimant || !usableSentence(s.text, { min: 40, max: 350 })) continue;
    const claimed = quizFigure(s.text, { needYear: false });
    const cf = claimed && parseFigure(claimed.figure.raw);
    if (!claimed || !cf) continue;
    for (let j = i + 1; j <= i + WITHIN && j < p.sentences.length; j++) {
      if (!ownClaim(p, j)) continue;
      const own = p.text.slice(p.sentences[j]!.start, p.sentences[j]!.end);
      const mine = quizFigure(own, { needYear: false });
      const mf = mine && parseFigure(mine.figure.raw);
      if (!mine || !mf || isPercent(mf) !== isPercent(cf)) continue;
      if (Math.abs(mf.value - cf.value) < 0.1 * Math.max(mf.value, cf.value)) continue;
      const key = `${p.id}:${i}`;
      if (seen.has(key)) break;
      seen.add(key);
      // Wrong options are other figures, not the claimed one: it is printed in the stem, so offering it tests nothing.
      const distractors = figureDistractors(mine.figure.raw, `${p.id}:${j}:rebuttal`, 3, (d) => containsWords(s.text, d) || containsWords(own, d)) ?? [];
      if (distractors.length < 3) break;
      const author = authorLabel(ctx.repo.source(p.sourceId)!.meta);
      const span = p.text.slice(s.start, p.sentences[j]!.end);
      out.push({
        kind: 'rebuttal',
        prompt: `What figure does ${author} give against the claim?`.slice(0, 120),
        stem: `${sourceLabel(ctx, p)} reports a claim by ${claimant}: “${s.text.trim()}” What figure does ${author} give in reply?`,
        answer: mine.figure.raw,
        distractors,
        passage: p,
        quote: span.length <= 900 ? span : own,
        note: `${claimant} is reported with “${claimed.figure.raw}”; ${author} gives “${mine.figure.raw}”.`.slice(0, 300),
        topic: 'claims and rebuttals',
        centrality: 1,
      });
      break;
    }
  }
  return out;
}
