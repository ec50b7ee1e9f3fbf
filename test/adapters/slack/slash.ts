/** A signed slash command into the real Bolt app of a harness, and the messages posted to its response_url. */
import { expect } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import type { HttpHarness } from '../../../loopback/slack/harness.ts';
import { parseMessage, type PostedMessage } from './message-shape.ts';

export async function slashCommand(h: HttpHarness<CoreBot>, command: string, text: string, id: string): Promise<PostedMessage[]> {
  const res = await h.command({
    command,
    text,
    user_id: 'U0STUDENT',
    team_id: 'T0TEST',
    channel_id: 'C0HISTORY',
    response_url: h.mock.responseUrl(id),
  });
  expect(res.status).toBe(200);
  await h.mock.responded(id);
  // Long replies come as several posts; give the rest a moment to land.
  await new Promise((r) => setTimeout(r, 100));
  return h.mock.responses.filter((p) => p.name === id).map((p) => parseMessage(p.json));
}
