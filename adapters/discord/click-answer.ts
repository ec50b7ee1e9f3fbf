import type { Reply } from '../../src/core/reply.ts';
import type { Logger } from './logger.ts';
import { renderMessages } from './render.ts';
import type { ClickAnswer } from './respond.ts';

/**
 * How a click's reply reaches Discord:
 * - `updateOriginal` (a quiz answer): the shared post is redrawn for everyone, and the reply is
 *   the clicker's own feedback, so it goes to them alone whatever its `ephemeral` says;
 * - a page of the same result replaces the message it was paged from;
 * - anything else is a new message.
 */
export function clickAnswer(reply: Reply, logger: Logger): ClickAnswer {
  const { updateOriginal, ...own } = reply;
  if (updateOriginal) {
    const [edit, ...overflow] = renderMessages(updateOriginal, logger);
    // One message can only be redrawn as one message; the core keeps such posts short.
    if (overflow.length > 0) logger.warn({ title: updateOriginal.title, overflow: overflow.length }, 'discord: redrawn message too long, rest left out');
    return { edit, send: renderMessages({ ...own, ephemeral: true }, logger) };
  }
  const messages = renderMessages(reply, logger);
  if (reply.page) {
    const [edit, ...send] = messages;
    return { edit, send };
  }
  return { edit: undefined, send: messages };
}
