/** Shared by the Discord tests over the real corpus: one bot per file, a fresh harness (real discord.js, loopback REST) per test. */
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { startHarnessWith, type Harness } from '../../../loopback/discord/harness.ts';
import { corpusBot } from '../../support/corpus-bot.ts';

/** Read `.bot` and `.h` inside tests. */
export function corpusHarness(): { bot: CoreBot; h: Harness<CoreBot> } {
  const state = {} as { bot: CoreBot; h: Harness<CoreBot> };
  beforeAll(() => {
    state.bot = corpusBot();
  });
  beforeEach(async () => {
    state.h = await startHarnessWith(state.bot, { deferAfterMs: 1500 });
  });
  afterEach(async () => {
    await state.h.close();
  });
  return state;
}
