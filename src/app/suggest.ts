/** Autocomplete values: people for /who, sources for /source, passage ids for /cite and /show, topics for /compare. */
import { clip } from '../core/text-safe.ts';
import { authorLabel } from '../corpus/cite.ts';
import { nameKey } from '../people/name-key.ts';
import type { Suggestion } from '../core/bot-api.ts';
import type { CommandContext } from '../core/command.ts';
import { spaceKey, type Where } from '../core/request.ts';
import { hiddenIds } from '../moderation/hidden-store.ts';

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

const MAX = 25;

/** Discord and Slack show at most 100 characters of an autocomplete choice. */
function short(s: string): string {
  return clip(s, 100, '…');
}

export function suggest(ctx: CommandContext, command: string, _option: string, partial: string, where: Where): Suggestion[] {
  const q = partial.trim().toLowerCase().slice(0, 100);
  switch (command) {
    case 'who': {
      const key = q ? nameKey(q.split(/\s+/).pop()!) : '';
      const out: Suggestion[] = [];
      for (const p of ctx.people.all) {
        const spellings = Object.keys(p.spellings);
        // A query with no letters ("1") has an empty key, which would match everyone.
        const hit =
          !q || p.canonical.toLowerCase().includes(q) || spellings.some((s) => s.toLowerCase().startsWith(q) || (key !== '' && nameKey(s).startsWith(key)));
        if (hit && p.mentions >= 2)
          out.push({ label: short(`${p.canonical}${spellings.length > 1 ? ` (${spellings.join(' / ')})` : ''}`), value: short(p.canonical) });
        if (out.length >= MAX) break;
      }
      return out;
    }
    case 'source':
      return ctx.repo
        .sources()
        .filter((s) => !q || s.meta.id.includes(q) || authorLabel(s.meta).toLowerCase().includes(q))
        .slice(0, MAX)
        .map((s) => ({ label: short(`${s.meta.id} — ${s.meta.title}`), value: s.meta.id }));
    case 'cite':
    case 'show': {
      // Passages this space hid are not offered; asked for by id, they still open, marked as hidden.
      const hidden = hiddenIds(ctx.db, spaceKey(where));
      return ctx.repo
        .idsStartingWith(q, MAX + hidden.size)
        .filter((id) => !hidden.has(id))
        .slice(0, MAX)
        .map((id) => ({ label: id, value: id }));
    }
    case 'compare':
      return KNOWN_TOPICS.filter((t) => !q || t.toLowerCase().includes(q)).map((t) => ({ label: t, value: t }));
    default:
      return [];
  }
}
