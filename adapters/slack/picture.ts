/**
 * A reply's picture on Slack: uploaded with the files API (files.uploadV2: upload URL, bytes,
 * completion), then shown in the reply's first message as an image block naming the file.
 */
import type { App, types } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/core/log.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LIMITS } from './limits.ts';
import type { SlackMessage } from './render.ts';

/** What files.uploadV2 resolves to: one completion per upload, each listing its files. */
const UploadResult = z.object({ files: z.array(z.object({ files: z.array(z.object({ id: z.string().min(1) })) })) });

/** Uploads the picture; its file id, or null when there is none or the upload failed (logged: the words still go). */
export async function uploadPicture(client: App['client'], reply: Reply, log: Logger): Promise<string | null> {
  if (!reply.image) return null;
  try {
    const png = await reply.image.png();
    const done = await client.files.uploadV2({ file: Buffer.from(png), filename: reply.image.name, title: reply.title, alt_text: reply.image.alt });
    const parsed = UploadResult.safeParse(done);
    return parsed.success ? (parsed.data.files[0]?.files[0]?.id ?? null) : null;
  } catch (err) {
    log.error({ err }, 'slack: the picture could not be uploaded; the reply goes without it');
    return null;
  }
}

/** The messages with the uploaded picture after the first message's title. */
export function withPicture(messages: SlackMessage[], fileId: string | null, alt: string): SlackMessage[] {
  const [first, ...rest] = messages;
  if (!fileId || !first || first.blocks.length >= LIMITS.blocksPerMessage) return messages;
  // The core keeps alt text within 1000 characters, under Slack's 2000.
  const image: types.ImageBlock = { type: 'image', slack_file: { id: fileId }, alt_text: alt };
  return [{ ...first, blocks: [first.blocks[0]!, image, ...first.blocks.slice(1)] }, ...rest];
}
