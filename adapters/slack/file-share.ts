/**
 * A file shared with the app in a direct message (its Messages tab): Slack's way of handing a
 * bot a file, as Discord's attachment option is. The member's message becomes `/source add` with
 * the file's private download link, which the core fetches with the bot's token; the reply is
 * posted back in that conversation.
 */
import { z } from 'zod';
import type { Asker, Request } from '../../src/core/request.ts';
import { slackWhere } from './to-request.ts';

/** What the app reads of a message event: a file shared in a direct message, and nothing else. */
const SharedFileSchema = z.looseObject({
  subtype: z.literal('file_share'),
  channel_type: z.literal('im'),
  channel: z.string().min(1),
  user: z.string().min(1),
  files: z.array(z.looseObject({ url_private_download: z.url().optional(), url_private: z.url().optional() })).min(1),
});

export interface SharedFile {
  channel: string;
  user: string;
  url: string;
}

/** The event's first file; null for any other message (the app reads no conversation). */
export function sharedFile(event: unknown): SharedFile | null {
  const parsed = SharedFileSchema.safeParse(event);
  if (!parsed.success) return null;
  const file = parsed.data.files[0]!;
  const url = file.url_private_download ?? file.url_private;
  return url ? { channel: parsed.data.channel, user: parsed.data.user, url } : null;
}

/** The shared file as the request to add it, from the member who shared it. */
export function fileShareRequest(team: string, file: SharedFile, user: Asker): Request {
  return { command: 'source', args: `add ${file.url}`, user, where: slackWhere(team, file.channel) };
}
