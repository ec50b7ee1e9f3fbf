/** A reply's picture on Discord: the PNG attached to the first message and shown in its first embed. */
import type { Reply } from '../../src/core/reply.ts';
import type { Logger } from './logger.ts';
import type { RenderedMessage } from './render.ts';

/**
 * The messages with the reply's picture attached (its alt text as the attachment's description).
 * A picture that fails to render is logged and left out: the words of the reply still go.
 */
export async function withPicture(reply: Reply, messages: RenderedMessage[], logger: Logger): Promise<RenderedMessage[]> {
  const [first, ...rest] = messages;
  if (!reply.image || !first) return messages;
  try {
    const png = await reply.image.png();
    const name = reply.image.name;
    const embeds = first.embeds.map((e, i) => (i === 0 ? { ...e, image: { url: `attachment://${name}` } } : e));
    return [{ ...first, embeds, files: [{ attachment: Buffer.from(png), name, description: reply.image.alt }] }, ...rest];
  } catch (err) {
    logger.error({ err }, 'discord: the picture could not be rendered; the reply goes without it');
    return messages;
  }
}
