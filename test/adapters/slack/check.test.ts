/**
 * /check through the real Bolt app with a signed slash command, only the network faked: Block Kit
 * within Slack's limits, Sourcebook's labels and the sources' quotes, outside-the-corpus said plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { limitViolations, mrkdwnTexts, parseMessage } from './message-shape.ts';

let bot: CoreBot;
let h: HttpHarness<CoreBot>;

beforeAll(async () => {
  bot = corpusBot();
  h = await startHttpHarness(bot);
}, 30_000);
afterAll(async () => {
  await h.stop();
  bot.close();
});

async function check(text: string, id: string) {
  const res = await h.command({
    command: '/check',
    text,
    user_id: 'U0STUDENT',
    team_id: 'T0TEST',
    channel_id: 'C0HISTORY',
    response_url: h.mock.responseUrl(id),
  });
  expect(res.status).toBe(200);
  await h.mock.responded(id);
  await new Promise((r) => setTimeout(r, 100));
  return h.mock.responses.filter((p) => p.name === id).map((p) => parseMessage(p.json));
}

describe('GIVEN /check on Slack', () => {
  it('WHEN a member checks “the Zinovievites’ Moscow centre really existed” THEN Reiman’s note 155 is quoted as a contradiction, within Block Kit’s limits', async () => {
    const messages = await check('the Zinovievites’ Moscow centre really existed', 'check-1');
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(limitViolations(m)).toEqual([]);
      expect(m.response_type).toBe('in_channel');
    }
    const text = messages.flatMap(mrkdwnTexts).join('\n');
    expect(text).toMatch(/Contradiction — says “(?:centre )?did not exist” of what the claim asserts \(in the author’s note 155\)/);
    expect(text).toContain("Zinoviev's Moscow counterrevolutionary centre did not exist");
    expect(text).toContain('The labels are Sourcebook’s reading');
  });

  it('WHEN a member checks “The Titanic sank in 1912” THEN “Outside the corpus”, and no quote', async () => {
    const messages = await check('The Titanic sank in 1912', 'check-2');
    const text = messages.flatMap(mrkdwnTexts).join('\n');
    expect(text).toContain('Outside the corpus');
    expect(text).toContain('No source uses “titanic” in any form.');
    expect(messages.flatMap((m) => m.blocks).some((b) => b.type === 'context' && JSON.stringify(b).includes('rei-'))).toBe(false);
  });
});
