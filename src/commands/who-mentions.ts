/**
 * `/who` for a name the people index does not hold. The index keeps only people named often
 * enough to profile, so "the corpus does not name this person" would be untrue for a historian
 * cited once ("Leonid Naumov states that …"). When the name occurs in the text, the reply says
 * there is no profile and quotes the sentences that name them, attributed like every quote.
 */
import { inAuthorsVoice } from '../corpus/cite.ts';
import type { Passage } from '../corpus/types.ts';
import type { CommandContext } from '../core/command.ts';
import { insideQuotation, mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { reply, type Reply } from '../core/reply.ts';
import { ftsQuery } from '../search/fts-query.ts';

const MAX_QUOTES = 3;
/** The people index profiles anyone named this often; a word in more passages is a place or a body, not a rare person. */
export const RARE_NAME_PASSAGES = 5;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Found {
  passage: Passage;
  start: number;
  end: number;
}

/**
 * Sentences naming `name` as a name: written capitalised, never lower-case in the passages
 * found (so "/who the" or "/who purge" finds nothing), and capitalised at least once where a
 * sentence does not begin (a capital at the start of a sentence says nothing).
 */
export function nameMentions(ctx: CommandContext, name: string, exclude: ReadonlySet<string>): Found[] {
  const words = name.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4 || !words.every((w) => /^\p{L}[\p{L}'’-]*$/u.test(w))) return [];
  const fts = ftsQuery(name, 'all');
  if (!fts) return [];
  const capitalised = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  const asName = new RegExp(`(?<!\\p{L})${escapeRe(capitalised)}(?!\\p{L})`, 'u');
  const lower = new RegExp(`(?<!\\p{L})${escapeRe(name.toLowerCase())}(?!\\p{L})`, 'u');
  const found: Found[] = [];
  let midSentence = false;
  for (const { passage: p } of ctx.repo.match(fts, { limit: 30, exclude })) {
    if (lower.test(p.text)) return [];
    if (!inAuthorsVoice(ctx.repo.source(p.sourceId)!.meta, p)) continue;
    for (const s of p.sentences) {
      const text = p.text.slice(s.start, s.end);
      const at = text.search(asName);
      if (at < 0 || insideQuotation(p, s)) continue;
      if (at > 0) midSentence = true;
      found.push({ passage: p, start: s.start, end: s.end });
    }
  }
  return midSentence ? found : [];
}

export function mentionsReply(ctx: CommandContext, typed: string, found: Found[]): Reply {
  const name = typed.split(/\s+/).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  const n = new Set(found.map((f) => f.passage.id)).size;
  if (n > RARE_NAME_PASSAGES) {
    return reply({
      kind: 'not-found',
      title: `No one called “${name}” in the corpus`,
      blocks: [{ type: 'paragraph', text: `“${name}” occurs in ${n} passages, but not as a person Sourcebook can profile (a place or an organisation, perhaps). Try /compare ${name} or /ask.` }],
      actions: [ctx.actions.make(`Compare on ${name}`, { command: 'compare', args: name })],
    });
  }
  const units: Unit[] = [
    textUnit(
      `Sourcebook has no profile of “${name}”: the name is too rare in the corpus to say who or what it is. ` +
        `${n === 1 ? 'One passage uses' : `${n} passages use`} it${found.length > MAX_QUOTES ? `; the first ${MAX_QUOTES} sentences` : ''}:`,
    ),
    ...found.slice(0, MAX_QUOTES).map((f) => quoteUnit(ctx.repo, f.passage, f.passage.text.slice(f.start, f.end))),
  ];
  return reply({
    kind: 'answer',
    title: `“${name}” in the corpus`,
    ...mergeUnits(units),
    actions: [...new Set(found.map((f) => f.passage.id))].slice(0, MAX_QUOTES).map((id) => ctx.actions.make(`Read ${id}`, { command: 'show', args: id })),
  });
}
