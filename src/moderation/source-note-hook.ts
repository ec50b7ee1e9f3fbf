/** Adds this space's moderator note, if any, to a source card (called by /source). */
import type { CommandContext } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import { spaceKey, type Where } from '../core/request.ts';
import { getSourceNote } from './source-note-store.ts';
import { dayLabel } from './actor.ts';
import { readForSpace } from '../core/space-state.ts';

export function withSourceNote(ctx: CommandContext, where: Where, card: Reply, sourceId: string): Reply {
  const key = spaceKey(where);
  const note = readForSpace(ctx.space, key, `source-note:${sourceId}`, () => getSourceNote(ctx.db, key, sourceId));
  if (!note) return card;
  const text = `Note from this group’s moderators (${note.by.name}, ${dayLabel(note.at)}): ${note.text}`;
  return { ...card, blocks: [...card.blocks, { type: 'paragraph', text }] };
}
