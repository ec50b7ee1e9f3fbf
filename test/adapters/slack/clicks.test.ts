import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { limitViolations, mrkdwnTexts, parseMessage, type PostedMessage } from './message-shape.ts';

let h: HttpHarness;
beforeEach(async () => {
  h = await startHttpHarness();
});
afterEach(async () => {
  await h.stop();
});

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const tallyOf = (msg: PostedMessage) => mrkdwnTexts(msg).find((t) => / answered · /.test(t));

describe('Slack button clicks whose reply redraws the original (Reply.updateOriginal)', () => {
  it('GIVEN a quiz answer click THEN the post is replaced with the new tally, and the feedback is a separate ephemeral message', async () => {
    const res = await h.clickAs({ value: 'quiz:answer:1', responseId: 'answer-1', user: 'U0STUDENT' });
    expect(res.status).toBe(200);
    const [redrawn, feedback] = (await h.mock.postsTo('answer-1', 2)).map((p) => parseMessage(p.json));

    expect(redrawn!.replace_original).toBe(true);
    expect(redrawn!.response_type).toBe('in_channel');
    expect(limitViolations(redrawn!)).toEqual([]);
    expect(tallyOf(redrawn!)).toBe('1 answered · question #7');
    const buttons = redrawn!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.value) : []));
    expect(buttons).toEqual(['quiz:answer:0', 'quiz:answer:1']);

    // The fake marks its feedback public: the adapter still shows it to the clicker only.
    expect(feedback!.replace_original).toBe(false);
    expect(feedback!.response_type).toBe('ephemeral');
    expect(feedback!.text).toBe('Not quite.');
    expect(tallyOf(feedback!)).toBeUndefined();
    expect(h.bot.acted.map((a) => [a.actionId, a.user.id, a.where.space, a.where.channel])).toEqual([['quiz:answer:1', 'U0STUDENT', 'T0TEST', 'C0HISTORY']]);
  });

  it('GIVEN two clicks on one post and the first redraw slow to apply THEN the second waits, so the post ends with the newer tally', async () => {
    h.mock.responseDelays.set('slow', 400);
    await h.clickAs({ value: 'quiz:answer:0', responseId: 'slow', user: 'U0ANNA' });
    await until(() => h.bot.acted.length === 1);
    await h.clickAs({ value: 'quiz:answer:1', responseId: 'fast', user: 'U0BORIS' });
    await Promise.all([h.mock.postsTo('slow', 2), h.mock.postsTo('fast', 2)]);

    const redraws = h.mock.responses.map((p) => parseMessage(p.json)).filter((m) => m.replace_original);
    expect(redraws.map(tallyOf)).toEqual(['1 answered · question #7', '2 answered · question #7']);
  });

  it('GIVEN clicks on different posts THEN a slow redraw of one does not hold up the other', async () => {
    h.mock.responseDelays.set('post-a', 1500);
    await h.clickAs({ value: 'quiz:answer:0', responseId: 'post-a', messageTs: '1700000000.000100' });
    await until(() => h.bot.acted.length === 1);
    await h.clickAs({ value: 'quiz:answer:0', responseId: 'post-b', messageTs: '1700000000.000200' });
    await h.mock.postsTo('post-b', 2, 1000);
    expect(h.mock.responses.filter((p) => p.name === 'post-a')).toEqual([]);
    await h.mock.postsTo('post-a', 2);
  });

  it('GIVEN a redraw longer than one Slack message THEN it is fitted into the one message it replaces, marked as shortened', async () => {
    await h.click('redraw:long', 'long-redraw');
    const [redrawn, feedback] = (await h.mock.postsTo('long-redraw', 2)).map((p) => parseMessage(p.json));
    expect(redrawn!.replace_original).toBe(true);
    expect(limitViolations(redrawn!)).toEqual([]);
    expect(mrkdwnTexts(redrawn!).some((t) => t.includes('Shortened'))).toBe(true);
    expect(feedback!.replace_original).toBe(false);
    expect(feedback!.text).toBe('Noted');
  });

  it('GIVEN a redraw and very long feedback THEN at most five posts to the click’s response_url, the feedback shortened to fit', async () => {
    await h.click('redraw:long-feedback', 'long-feedback');
    const posts = await h.mock.postsTo('long-feedback', 5);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.mock.responses.filter((p) => p.name === 'long-feedback')).toHaveLength(5);
    const [redrawn, ...feedback] = posts.map((p) => parseMessage(p.json));
    expect(redrawn!.replace_original).toBe(true);
    expect(feedback.every((m) => m.response_type === 'ephemeral' && m.replace_original === false)).toBe(true);
    expect(mrkdwnTexts(feedback[3]!).some((t) => t.includes('Shortened'))).toBe(true);
  });

  it('GIVEN a click whose reply has no redraw THEN one ephemeral message and nothing replaced', async () => {
    await h.click('cite:goble-2019-7k2qd', 'plain');
    await h.mock.postsTo('plain', 1);
    await new Promise((r) => setTimeout(r, 150));
    const posted = h.mock.responses.map((p) => parseMessage(p.json));
    expect(posted.map((m) => [m.replace_original, m.response_type])).toEqual([[false, 'ephemeral']]);
  });
});
