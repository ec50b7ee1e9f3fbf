/** Autocomplete values the commands offer beside their options: people, sources, passage ids, topics, time zones. */
import { clip } from '../core/text-safe.ts';
import { authorLabel } from '../corpus/cite.ts';
import { nameKey } from '../people/name-key.ts';
import type { Suggestion } from '../core/bot-api.ts';
import type { CommandContext } from '../core/command.ts';
import { spaceKey, type Where } from '../core/request.ts';
import { hiddenIds } from '../moderation/hidden-store.ts';

/** Discord and Slack show at most 25 choices. */
export const MAX_SUGGESTIONS = 25;

/** Discord and Slack show at most 100 characters of an autocomplete choice. */
function short(s: string): string {
  return clip(s, 100, '…');
}

const lower = (partial: string): string => partial.trim().toLowerCase().slice(0, 100);

/** People the corpus names at least twice, matched in any spelling. */
export function people(ctx: CommandContext, partial: string): Suggestion[] {
  const q = lower(partial);
  const key = q ? nameKey(q.split(/\s+/).pop()!) : '';
  const out: Suggestion[] = [];
  for (const p of ctx.people.all) {
    const spellings = Object.keys(p.spellings);
    // A query with no letters ("1") has an empty key, which would match everyone.
    const hit =
      !q || p.canonical.toLowerCase().includes(q) || spellings.some((s) => s.toLowerCase().startsWith(q) || (key !== '' && nameKey(s).startsWith(key)));
    if (hit && p.mentions >= 2)
      out.push({ label: short(`${p.canonical}${spellings.length > 1 ? ` (${spellings.join(' / ')})` : ''}`), value: short(p.canonical) });
    if (out.length >= MAX_SUGGESTIONS) break;
  }
  return out;
}

export function sources(ctx: CommandContext, partial: string): Suggestion[] {
  const q = lower(partial);
  return ctx.repo
    .sources()
    .filter((s) => !q || s.meta.id.includes(q) || authorLabel(s.meta).toLowerCase().includes(q))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => ({ label: short(`${s.meta.id} — ${s.meta.title}`), value: s.meta.id }));
}

/** Passage ids; those this space hid are not offered (asked for by id, they still open, marked as hidden). */
export function passageIds(ctx: CommandContext, partial: string, where: Where): Suggestion[] {
  const hidden = hiddenIds(ctx.db, spaceKey(where));
  return ctx.repo
    .idsStartingWith(lower(partial), MAX_SUGGESTIONS + hidden.size)
    .filter((id) => !hidden.has(id))
    .slice(0, MAX_SUGGESTIONS)
    .map((id) => ({ label: id, value: id }));
}

/** Topics students compare most; every one is answered by several sources. */
export const KNOWN_TOPICS = [
  'executions',
  'arrests',
  'Kirov murder',
  'Moscow trials',
  'Tukhachevsky affair',
  'Great Terror',
  'quotas',
  'the 1936 Constitution',
  'Yezhovshina',
  'Gulag',
  'military conspiracy',
  'Trotskyists',
  'Central Committee plenum',
  'collectivisation',
  'famine',
  'Khrushchev speech',
];

export function topics(partial: string): Suggestion[] {
  const q = lower(partial);
  return KNOWN_TOPICS.filter((t) => !q || t.toLowerCase().includes(q)).map((t) => ({ label: t, value: t }));
}

let zones: string[] | undefined;

/** IANA time zones containing what was typed ("prag" → Europe/Prague). */
export function timeZones(partial: string): Suggestion[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  const q = lower(partial).replace(/\s+/g, '_');
  return zones
    .filter((z) => !q || z.toLowerCase().includes(q))
    .slice(0, MAX_SUGGESTIONS)
    .map((z) => ({ label: z, value: z }));
}
