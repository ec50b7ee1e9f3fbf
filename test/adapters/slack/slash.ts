/** Shared by the Slack tests: a harness over the real corpus, and a signed slash command with the messages posted to its response_url. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
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

/** A bot over the real corpus behind a real Bolt app for the whole file; read `.bot` and `.h` inside tests. */
export function corpusHarness(): { bot: CoreBot; h: HttpHarness<CoreBot> } {
  const state = {} as { bot: CoreBot; h: HttpHarness<CoreBot> };
  beforeAll(async () => {
    state.bot = corpusBot();
    state.h = await startHttpHarness(state.bot);
  }, 30_000);
  afterAll(async () => {
    await state.h.stop();
    state.bot.close();
  });
  return state;
}
