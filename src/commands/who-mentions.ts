/**
 * `/who` for a name the people index does not hold. The index keeps only people named often
 * the sources introduce (full name, initials, title, the book's index), so "the corpus does not
 * name this person" would be untrue for a historian cited once ("Leonid Naumov states that …")
 * or for Lenin, whom no source introduces. When the name occurs in the text, the reply says there
 * is no profile and quotes the sentences that use it, attributed like every quote.
 */
import { inAuthorsVoice } from '../corpus/cite.ts';
import type { Passage } from '../corpus/types.ts';
import type { CommandContext } from '../core/command.ts';
import { insideQuotation, mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { reply, type Reply } from '../core/reply.ts';
import { ftsQuery } from '../search/fts-query.ts';
import { wholeWords } from '../core/word-pattern.ts';
import type { Authored } from './who-authored.ts';

const MAX_QUOTES = 3;
/** Excerpts quoted from someone's own works when the sources mostly quote them. */
const AUTHORED_QUOTES = 3;
/** Passages read to find the name: enough to count it for a sentence like "at least 60 passages use it". */
const SCAN = 60;

/** "naumov" → "Naumov": how a name is written in running text, and how the reply shows it. */
function capitalise(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

interface Found {
  passage: Passage;
  start: number;
  end: number;
}

export interface Mentions {
  sentences: Found[];
  /** More passages may use the name than were read: the count is a lower bound. */
  capped: boolean;
}

/**
 * Sentences naming `name` as a name: written capitalised, never lower-case in the passages
 * found (so "/who the" or "/who purge" finds nothing), and capitalised at least once where a
 * sentence does not begin (a capital at the start of a sentence says nothing).
 */
export function nameMentions(ctx: CommandContext, name: string, exclude: ReadonlySet<string>): Mentions {
  const words = name.split(/\s+/).filter(Boolean);
  const none: Mentions = { sentences: [], capped: false };
  if (!words.length || words.length > 4 || !words.every((w) => /^\p{L}[\p{L}'’-]*$/u.test(w))) return none;
  const fts = ftsQuery(name, 'all');
  if (!fts) return none;
  const asName = wholeWords([capitalise(name)]);
  const lower = wholeWords([name.toLowerCase()]);
  const found: Found[] = [];
  let midSentence = false;
  const hits = ctx.repo.match(fts, { limit: SCAN, exclude });
  for (const { passage: p } of hits) {
    if (lower.test(p.text)) return none;
    if (!inAuthorsVoice(ctx.repo.source(p.sourceId)!.meta, p)) continue;
    for (const s of p.sentences) {
      const text = p.text.slice(s.start, s.end);
      const at = text.search(asName);
      if (at < 0 || insideQuotation(p, s)) continue;
      if (at > 0) midSentence = true;
      found.push({ passage: p, start: s.start, end: s.end });
    }
  }
  return midSentence ? { sentences: found, capped: hits.length === SCAN } : none;
}

/** Sentences of an author's excerpts that speak of themselves: the person in their own words. */
const FIRST_PERSON = /\b(?:I|my|me|myself)\b/;

/** The author's own sentences about themselves, first-person ones first, at most `n`, one per excerpt. */
function ownWords(a: Authored, n: number): { passage: Passage; start: number; end: number }[] {
  const out: { passage: Passage; start: number; end: number; mine: number }[] = [];
  for (const p of a.passages) {
    const best = p.sentences
      .map((s) => ({ s, mine: (p.text.slice(s.start, s.end).match(new RegExp(FIRST_PERSON.source, 'g')) ?? []).length }))
      .filter((x) => x.s.end - x.s.start >= 40)
      .sort((x, y) => y.mine - x.mine)[0];
    if (best) out.push({ passage: p, start: best.s.start, end: best.s.end, mine: best.mine });
  }
  return out.sort((x, y) => y.mine - x.mine).slice(0, n);
}

export function mentionsReply(ctx: CommandContext, typed: string, { sentences: found, capped }: Mentions, authored: Authored | null = null): Reply {
  const name = capitalise(typed);
  const n = new Set(found.map((f) => f.passage.id)).size;
  const units: Unit[] = [
    textUnit(
      `Sourcebook has no profile of “${name}”: its people index holds those the sources introduce by full name, initials, title or the book’s index, and “${name}” is not among them. ` +
        `${n === 1 ? 'One passage uses' : `${capped ? 'At least ' : ''}${n} passages use`} the name${found.length > MAX_QUOTES ? `; the first ${MAX_QUOTES} sentences` : ''}:`,
    ),
    ...found.slice(0, MAX_QUOTES).map((f) => quoteUnit(ctx.repo, f.passage, f.passage.text.slice(f.start, f.end))),
  ];
  // Someone the sources mostly quote (a memoirist) is best met in their own words about themselves.
  if (authored) {
    const own = ownWords(authored, AUTHORED_QUOTES);
    units.push(
      textUnit(
        `Quoted as an author: ${authored.passages.length} excerpt${authored.passages.length === 1 ? '' : 's'} from ${authored.works.slice(0, 4).join('; ')}${authored.works.length > 4 ? ' …' : ''}. In their own words:`,
      ),
      ...own.map((o) => quoteUnit(ctx.repo, o.passage, o.passage.text.slice(o.start, o.end))),
    );
  }
  return reply({
    kind: 'answer',
    title: `“${name}” in the corpus`,
    ...mergeUnits(units),
    actions: [...new Set(found.map((f) => f.passage.id))].slice(0, MAX_QUOTES).map((id) => ctx.actions.make(`Read ${id}`, { command: 'show', args: id })),
  });
}
