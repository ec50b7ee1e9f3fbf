import type { PostOptions } from '../../src/core/adapter.ts';
import { createHash } from 'node:crypto';
import { REST, Routes, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Reply } from '../../src/core/reply.ts';
import type { Where } from '../../src/core/request.ts';
import type { Logger } from './logger.ts';
import { renderMessages } from './render.ts';

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Sends `reply` to a channel without an interaction to answer (scheduled quiz posts, results of
 * closed questions). A long reply goes as several messages, in reading order. A channel post is
 * seen by everyone in the channel, so `ephemeral` cannot apply. Rejects when Discord refuses
 * (no access, unknown channel), so the caller can record the failure.
 */
export async function postToChannel(rest: REST, where: Where, reply: Reply, logger: Logger, opts: PostOptions = {}): Promise<void> {
  if (where.platform !== 'discord') throw new Error(`discord: cannot post to a ${where.platform} channel`);
  if (!SNOWFLAKE.test(where.channel)) throw new Error(`discord: "${where.channel.slice(0, 40)}" is not a channel id`);
  // One at a time: Discord orders messages by arrival, and a refusal stops the rest.
  for (const [i, message] of renderMessages(reply, logger).entries()) {
    const body: RESTPostAPIChannelMessageJSONBody = {
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: { parse: [] },
      // A second attempt at the same post (a scheduler took over a dead one's slot) carries the same
      // nonce, and Discord returns the message it already made instead of making another.
      ...(opts.idempotencyKey ? { nonce: nonceFor(opts.idempotencyKey, i), enforce_nonce: true } : {}),
    };
    await rest.post(Routes.channelMessages(where.channel), { body });
  }
}

/** Discord nonces are at most 25 characters: a digest of the key and the message's place in the reply. */
export function nonceFor(key: string, part: number): string {
  return createHash('sha256').update(`${key}#${part}`).digest('base64url').slice(0, 25);
}

/** A poster for processes without a gateway client (the shard manager's parent): REST with the bot token is enough. */
export function restPoster(token: string, logger: Logger): (where: Where, reply: Reply, opts?: PostOptions) => Promise<void> {
  const rest = new REST({ version: '10' }).setToken(token);
  return (where, reply, opts) => postToChannel(rest, where, reply, logger, opts);
}
