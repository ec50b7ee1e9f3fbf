/**
 * /check through the real Bolt app with a signed slash command, only the network faked: Block Kit
 * within Slack's limits, Sourcebook's labels and the sources' quotes, outside-the-corpus said plainly.
 */
import { describe, expect, it } from 'vitest';
import { limitViolations, mrkdwnTexts } from './message-shape.ts';
import { corpusHarness, slashCommand } from './slash.ts';

const t = corpusHarness();

const check = (text: string, id: string) => slashCommand(t.h, '/check', text, id);

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
