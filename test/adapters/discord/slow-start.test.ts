/**
 * The core answers synchronously, so a timer raced against it never fires while it works. When
 * the core says it may be slow (its question bank is not built), the adapter acknowledges first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { startHarnessWith, type Harness } from '../../../loopback/discord/harness.ts';
import { slash } from './payloads.ts';
import { summary } from './wire.ts';

let bot: CoreBot;
let h: Harness<CoreBot>;

beforeAll(async () => {
  bot = corpusBot();
  // A timer this long would never fire in time: only the up-front deferral can acknowledge.
  h = await startHarnessWith(bot, { deferAfterMs: 60_000 });
});
afterAll(async () => {
  await h.close();
});

describe('GIVEN a bot whose question bank is not built yet', () => {
  test('WHEN the first /quiz arrives THEN the interaction is deferred (type 5) before the bank is built, then the question replaces the placeholder; the next /quiz is answered at once (type 4)', async () => {
    expect(bot.mayBeSlow()).toBe(true);
    const first = await h.deliver(slash('quiz start', {}));
    expect(summary(first)).toEqual(['callback 5', 'PATCH /webhooks/{app}/{token}/messages/@original']);
    expect(JSON.stringify(first[1]!.body)).toContain('Quiz');
    expect(bot.mayBeSlow()).toBe(false);
    const second = await h.deliver(slash('quiz start', {}));
    expect(summary(second)).toEqual(['callback 4']);
  });

  test('WHEN prepare() has run THEN nothing is slow any more', () => {
    const fresh = corpusBot();
    expect(fresh.mayBeSlow()).toBe(true);
    fresh.prepare();
    expect(fresh.mayBeSlow()).toBe(false);
    fresh.close();
  });
});
