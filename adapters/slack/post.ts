/**
 * Posts a reply to a channel without a slash command (scheduled quiz posts and their results),
 * through chat.postMessage. Throws when Slack refuses, so the caller can record the failure.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from './render.ts';

export async function postToChannel(client: webApi.WebClient, channel: string, reply: Reply): Promise<void> {
  // Nobody asked, so there is no one to show an ephemeral reply to: it goes to the channel.
  for (const message of renderReply(reply)) {
    // No link_names / parse: the escaped text stays inert.
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
  }
}
