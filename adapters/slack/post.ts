/**
 * Posts a reply to a channel without a slash command (scheduled quiz posts and their results),
 * through chat.postMessage. Throws when Slack refuses, so the caller can record the failure.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from './render.ts';

/** The metadata event a keyed post carries, so a second attempt can find the first. */
export const POST_EVENT = 'sourcebook_post';
/** Recent messages searched for an earlier attempt: a retry comes within minutes of it. */
const HISTORY = 50;

export interface SlackPostOptions {
  idempotencyKey?: string;
  warn?: (msg: string) => void;
}

export async function postToChannel(client: webApi.WebClient, channel: string, reply: Reply, opts: SlackPostOptions = {}): Promise<void> {
  const key = opts.idempotencyKey;
  // A second attempt at the same post (a scheduler took over a dead one's slot) skips the parts the first made.
  const made = key ? await partsPosted(client, channel, key, opts.warn ?? (() => {})) : new Set<number>();
  // Nobody asked, so there is no one to show an ephemeral reply to: it goes to the channel.
  for (const [part, message] of renderReply(reply).entries()) {
    if (made.has(part)) continue;
    // No link_names / parse: the escaped text stays inert.
    await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(key ? { metadata: { event_type: POST_EVENT, event_payload: { key, part } } } : {}),
    });
  }
}

/**
 * The parts of a keyed post already in the channel. Reading history needs the channels:history
 * scope; without it the post goes out (a duplicate is better than a missing quiz) and says why.
 */
async function partsPosted(client: webApi.WebClient, channel: string, key: string, warn: (msg: string) => void): Promise<Set<number>> {
  const out = new Set<number>();
  try {
    const r = await client.conversations.history({ channel, limit: HISTORY, include_all_metadata: true });
    for (const m of r.messages ?? []) {
      const meta = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
      if (meta?.event_type === POST_EVENT && meta.event_payload?.['key'] === key) out.add(Number(meta.event_payload['part']));
    }
  } catch (err) {
    warn(`slack: could not read #${channel} to check for an earlier copy of ${key}: ${String((err as Error)?.message ?? err)}`);
  }
  return out;
}
