/** Posts a rendered reply through a response_url, one message after another. */
import type { RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from './render.ts';

export interface DeliverOptions {
  /** Replace the message the button sat on (paging) instead of posting a new one. */
  replace: boolean;
}

export async function deliver(respond: RespondFn, reply: Reply, opts: DeliverOptions, log: Logger): Promise<void> {
  const ephemeral = reply.ephemeral || reply.kind === 'error';
  const messages = renderReply(reply);
  for (const [i, message] of messages.entries()) {
    try {
      // No link_names / parse: Slack then resolves nothing the escaped text could spell.
      await respond({
        ...message,
        response_type: ephemeral ? 'ephemeral' : 'in_channel',
        replace_original: opts.replace && i === 0,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (err) {
      log.error({ err, part: i + 1, parts: messages.length }, 'slack: posting to response_url failed');
      return;
    }
  }
}
