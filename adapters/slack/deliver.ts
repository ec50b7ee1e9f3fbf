/** Posts a rendered reply through a response_url: new messages one after another, or a redraw. */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';
import type { Reply } from '../../src/core/reply.ts';
import { withPicture } from './picture.ts';
import { renderReply, type SlackMessage } from './render.ts';

export interface DeliverOptions {
  /** Replace the message the button sat on (paging) instead of posting a new one. */
  replace: boolean;
  /** Posts this response_url may still take (it accepts five in all). */
  maxMessages?: number;
  /** The reply's picture, uploaded already: shown in the first message. */
  pictureFile?: string | null;
}

function payload(message: SlackMessage, ephemeral: boolean, replace: boolean): RespondArguments {
  // No link_names / parse: Slack then resolves nothing the escaped text could spell.
  return {
    ...message,
    response_type: ephemeral ? 'ephemeral' : 'in_channel',
    replace_original: replace,
    unfurl_links: false,
    unfurl_media: false,
  };
}

export async function deliver(respond: RespondFn, reply: Reply, opts: DeliverOptions, log: Logger): Promise<void> {
  const ephemeral = reply.ephemeral || reply.kind === 'error';
  const rendered = renderReply(reply, opts.maxMessages ? { maxMessages: opts.maxMessages } : {});
  const messages = reply.image && opts.pictureFile ? withPicture(rendered, opts.pictureFile, reply.image.alt) : rendered;
  for (const [i, message] of messages.entries()) {
    try {
      await respond(payload(message, ephemeral, opts.replace && i === 0));
    } catch (err) {
      log.error({ err, part: i + 1, parts: messages.length }, 'slack: posting to response_url failed');
      return;
    }
  }
}

/**
 * Redraws the message a button sat on (a quiz post with its new tally). It replaces exactly one
 * message, so the reply is fitted into one; the visibility is the original's, which the core
 * describes in the reply it redraws.
 */
export async function redraw(respond: RespondFn, reply: Reply, log: Logger): Promise<void> {
  const [message] = renderReply(reply, { maxMessages: 1 });
  if (!message) return;
  try {
    await respond(payload(message, reply.ephemeral, true));
  } catch (err) {
    log.error({ err }, 'slack: redrawing the original message failed');
  }
}
