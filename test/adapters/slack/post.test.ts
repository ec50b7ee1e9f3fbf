import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/slack/render.ts';
import { hostileReply, longReply, quizPost } from '../../../loopback/slack/fake-bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { limitViolations, mrkdwnTexts, parseMessage, visibleWords } from './message-shape.ts';

let h: HttpHarness;
beforeEach(async () => {
  h = await startHttpHarness();
});
afterEach(async () => {
  await h.stop();
});

const postMessages = () => h.mock.api.filter((c) => c.name === 'chat.postMessage');
/** chat.postMessage is form-encoded by the WebClient; blocks arrive as a JSON string. */
const asMessage = (form: Record<string, string>) => parseMessage({ text: form.text, blocks: JSON.parse(form.blocks ?? 'null') });

describe('SlackHandle.post: a reply to a channel without a slash command (scheduled quizzes)', () => {
  it('GIVEN a quiz post THEN one chat.postMessage to that channel with the bot token, blocks, fallback text and no link_names', async () => {
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, quizPost(0));
    const [call, ...more] = postMessages();
    expect(more).toEqual([]);
    expect(call!.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(call!.form.channel).toBe('C0QUIZ');
    expect(call!.form).not.toHaveProperty('link_names');
    expect(call!.form).not.toHaveProperty('parse');
    expect(call!.form.unfurl_links).toBe('false');
    const msg = asMessage(call!.form);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.text).toBe('Quiz — Who fills the blank?');
    expect(msg.blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
  });

  it('GIVEN corpus text with <!channel>, <@U123> and @everyone THEN the posted blocks and fallback carry them escaped', async () => {
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, hostileReply());
    const [call] = postMessages();
    const sent = `${call!.form.text}\n${call!.form.blocks}`;
    for (const live of ['<!channel>', '<!here>', '<@U123>', '<!everyone>', '<https://evil.example']) expect(sent).not.toContain(live);
    for (const t of mrkdwnTexts(asMessage(call!.form))) expect(t).not.toMatch(/[<>]/);
    expect(call!.form.blocks).toContain('&lt;!channel&gt;');
  });

  it('GIVEN a reply over 30,000 characters THEN several messages posted in order, each within limits, no word lost or cut', async () => {
    const long = longReply();
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, long);
    const calls = postMessages();
    expect(calls.length).toBe(renderReply(long).length);
    expect(calls.length).toBeGreaterThan(1);
    const messages = calls.map((c) => asMessage(c.form));
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    expect(calls.every((c) => c.form.channel === 'C0QUIZ')).toBe(true);
    const sections = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])));
    const words = long.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(visibleWords(sections)).toEqual(visibleWords(words));
  });

  it('GIVEN Slack refuses the channel THEN post rejects with Slack’s error, so the scheduler can record it', async () => {
    h.mock.refusedChannels.set('C0PRIVATE', 'not_in_channel');
    await expect(h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0PRIVATE' }, quizPost(0))).rejects.toThrow(/not_in_channel/);
  });
});

describe('SlackHandle.post with an idempotency key (a scheduled slot posted again after a takeover)', () => {
  it('GIVEN the same key posted twice THEN the first carries it in its metadata and the second finds it in the channel history and posts nothing', async () => {
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, quizPost(0), { idempotencyKey: 'slot:7:1736150400000' });
    const [first] = postMessages();
    expect(JSON.parse(first!.form.metadata!)).toEqual({ event_type: 'sourcebook_post', event_payload: { key: 'slot:7:1736150400000', part: 0 } });
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, quizPost(0), { idempotencyKey: 'slot:7:1736150400000' });
    expect(postMessages()).toHaveLength(1);
    expect(h.mock.api.filter((c) => c.name === 'conversations.history')).toHaveLength(2);
    // Another slot's key is another post.
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, quizPost(0), { idempotencyKey: 'slot:7:1736154000000' });
    expect(postMessages()).toHaveLength(2);
  });

  it('GIVEN a long reply whose first attempt died after two of its messages THEN the retry posts only the parts still missing, in order', async () => {
    const long = longReply();
    const parts = renderReply(long).length;
    expect(parts).toBeGreaterThan(2);
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, long, { idempotencyKey: 'slot:9:1' });
    // Forget all but the first two parts, as if the first poster had been killed after them.
    const sent = postMessages();
    for (const c of sent.slice(2)) h.mock.api.splice(h.mock.api.indexOf(c), 1);
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, long, { idempotencyKey: 'slot:9:1' });
    const all = postMessages();
    expect(all).toHaveLength(parts);
    expect(all.map((c) => JSON.parse(c.form.metadata!).event_payload.part)).toEqual([...Array(parts).keys()]);
  });

  it('GIVEN the app cannot read the channel history (no channels:history scope) THEN it posts anyway: a missing quiz is worse than a second copy', async () => {
    h.mock.historyFails = true;
    await h.handle.post({ platform: 'slack', space: 'T0TEST', channel: 'C0QUIZ' }, quizPost(0), { idempotencyKey: 'slot:8:1' });
    expect(postMessages()).toHaveLength(1);
  });
});
