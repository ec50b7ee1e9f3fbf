/**
 * Choosing questions for a run: from the space's playable pool, matching the topic, leaving out
 * passages the space's moderators hid. Questions the group saw in the past week come last (a
 * repeat scores nothing and teaches little); then questions naming the topic first, then those
 * least recently posted, with the kinds taking turns so a run is a mix.
 */
import { randomInt } from 'node:crypto';
import { hiddenPassages } from '../moderation/hidden.ts';
import type { CommandContext } from '../core/command.ts';
import { spaceKey, type Where } from '../core/request.ts';
import { contentTokens, ftsQuery } from '../search/fts-query.ts';
import { ensureBank, playable, spaceQuestions } from './bank.ts';
import { getSettings } from './settings.ts';
import { norm } from './text.ts';
import type { QuestionSnapshot } from './types.ts';

/** A question posted in the group this recently is asked again only when nothing else matches. */
export const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

export type Pick = { ok: true; questions: QuestionSnapshot[] } | { ok: false; reason: 'empty' | 'no-topic' };

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function playableQuestions(ctx: CommandContext, where: Where): QuestionSnapshot[] {
  ensureBank(ctx.db, { repo: ctx.repo, people: ctx.people });
  const space = spaceKey(where);
  const settings = getSettings(ctx.db, space);
  const hidden = hiddenPassages(ctx, where);
  // A question quoting several passages (an order, a dispute) needs every one of them here.
  return spaceQuestions(ctx.db, space).filter((q) => playable(q, settings) && !hidden.has(q.passageId) && !(q.also ?? []).some((a) => hidden.has(a.passageId)));
}

/** A question's words for topic matching, normalized once per process (normalizing is the slow part). */
const searchTexts = new Map<string, string>();

/**
 * What a player sees before answering: a question "about Yezhov" must name him here, not only in
 * the quote shown afterwards, and not only as a wrong option (a question on Kirov's murder that
 * offers "Yezhov" as a distractor is not about Yezhov).
 */
function shownText(q: QuestionSnapshot): string {
  return normalized(q.id, `${aboutText(q)} ${q.options[q.answer] ?? ''}`);
}

function searchText(q: QuestionSnapshot): string {
  return normalized(q.id, `${aboutText(q)} ${q.options[q.answer] ?? ''} ${q.quote}`);
}

/** A says-this item is about its real sentence: a name swapped into the altered claim is not its topic. */
function aboutText(q: QuestionSnapshot): string {
  return q.kind === 'truefalse' ? q.quote : q.stem;
}

function normalized(id: string, raw: string): string {
  const key = `${id}\u0000${raw}`;
  let hit = searchTexts.get(key);
  if (hit === undefined) {
    if (searchTexts.size > 20_000) searchTexts.clear();
    searchTexts.set(key, (hit = ` ${norm(raw)} `));
  }
  return hit;
}

/** Ids of the passages matching every word of the topic (unranked: only membership matters here). */
function passagesMatching(ctx: CommandContext, topic: string): Set<string> {
  const fts = ftsQuery(topic, 'all');
  if (!fts) return new Set();
  const rows = ctx.db.prepare('SELECT p.id FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ?').all(fts) as {
    id: string;
  }[];
  return new Set(rows.map((r) => r.id));
}

export function pickQuestions(ctx: CommandContext, where: Where, topic: string | null, count: number, now = ctx.now().getTime()): Pick {
  let pool = playableQuestions(ctx, where);
  if (!pool.length) return { ok: false, reason: 'empty' };
  let strong = new Set<string>();
  if (topic) {
    const passages = passagesMatching(ctx, topic);
    const phrase = ` ${norm(topic)} `;
    const words = contentTokens(topic).map((w) => ` ${w}`);
    const texts = new Map(pool.map((q) => [q.id, searchText(q)]));
    pool = pool.filter((q) => passages.has(q.passageId) || texts.get(q.id)!.includes(phrase));
    if (!pool.length) return { ok: false, reason: 'no-topic' };
    // Questions whose own text names the topic come before those whose passage merely mentions it.
    // A says-this item names the topic only if both its claim and its real sentence do (a swapped-in name is not its topic).
    strong = new Set(
      pool
        .filter((q) => words.length > 0 && words.every((w) => shownText(q).includes(w) && (q.kind !== 'truefalse' || normalized(q.id, q.stem).includes(w))))
        .map((q) => q.id),
    );
  }
  // Public posts only: a member's review question was not seen by the group.
  const lastPosted = new Map(
    (
      ctx.db
        .prepare('SELECT question_id, max(created_at) AS at FROM quiz_posts WHERE space = ? AND for_user IS NULL GROUP BY question_id')
        .all(spaceKey(where)) as {
        question_id: string;
        at: number;
      }[]
    ).map((r) => [r.question_id, r.at]),
  );
  const recent = (q: QuestionSnapshot) => (lastPosted.get(q.id) ?? -Infinity) > now - RECENT_MS;
  // Topic-named first; then never-posted (in random order), then the longest unseen.
  const ordered = shuffle(pool).sort(
    (a, b) => Number(strong.has(b.id)) - Number(strong.has(a.id)) || (lastPosted.get(a.id) ?? 0) - (lastPosted.get(b.id) ?? 0),
  );
  // The kinds take turns within the topic-named questions first, so a mix never pulls in a weaker match.
  const fresh = ordered.filter((q) => !recent(q));
  const out = mixKinds(
    fresh.filter((q) => strong.has(q.id)),
    count,
  );
  if (out.length < count)
    out.push(
      ...mixKinds(
        fresh.filter((q) => !strong.has(q.id)),
        count - out.length,
      ),
    );
  // Only when nothing else is left: the questions seen longest ago first.
  if (out.length < count)
    out.push(
      ...ordered
        .filter(recent)
        .sort((a, b) => lastPosted.get(a.id)! - lastPosted.get(b.id)!)
        .slice(0, count - out.length),
    );
  return { ok: true, questions: out };
}

/** Up to `count` questions from the front of `ordered`, the kinds taking turns. */
function mixKinds(ordered: QuestionSnapshot[], count: number): QuestionSnapshot[] {
  const byKind = new Map<string, QuestionSnapshot[]>();
  for (const q of ordered.slice(0, Math.max(count * 6, 30))) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const kinds = shuffle([...byKind.keys()]);
  const out: QuestionSnapshot[] = [];
  // Two questions on one passage give each other away ("put these in order" lists the date another asks for).
  const passagesOf = (q: QuestionSnapshot) => [q.passageId, ...(q.also ?? []).map((a) => a.passageId)];
  const taken = new Set<string>();
  while (out.length < count && kinds.some((k) => byKind.get(k)!.length)) {
    for (const k of kinds) {
      const next = byKind.get(k)!.shift();
      if (!next || out.length >= count || passagesOf(next).some((p) => taken.has(p))) continue;
      out.push(next);
      for (const p of passagesOf(next)) taken.add(p);
    }
  }
  return out;
}
