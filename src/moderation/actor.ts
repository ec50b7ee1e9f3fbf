/** Who did something and when: the attribution every moderation row carries. */
import { clip } from '../core/text-safe.ts';
import { z } from 'zod';
import type { Request } from '../core/request.ts';

export const ActorSchema = z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(100) });
export type Actor = z.infer<typeof ActorSchema>;

/** Display names are user-chosen: clipped and stripped of line breaks before they are stored. */
export function actorOf(req: Request): Actor {
  const name = clip(req.user.name.replace(/\s+/g, ' ').trim(), 100) || clip(req.user.id, 100);
  return { id: clip(req.user.id, 100), name };
}

/** "2025-03-01": dates in labels are UTC, the same for every reader. */
export function dayLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function timeLabel(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
