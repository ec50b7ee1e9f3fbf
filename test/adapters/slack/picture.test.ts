/**
 * /timeline through the real Bolt app: the picture is uploaded with the files API (upload URL,
 * the bytes, completion), then shown in the reply by an image block naming the uploaded file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { decodePng } from '../../support/png.ts';
import { limitViolations, parseMessage } from './message-shape.ts';
import { slashCommand } from './slash.ts';

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

const command = (text: string, id: string) => slashCommand(h, '/timeline', text, id);

describe('GIVEN /timeline on Slack', () => {
  it('WHEN a member asks /timeline Yezhov THEN the PNG is uploaded in the files API’s three steps and the reply’s first message shows it, alt text listing the events', async () => {
    const messages = await command('Yezhov', 'timeline-1');
    const names = h.mock.api.map((c) => c.name);
    const asked = names.indexOf('files.getUploadURLExternal');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('files.completeUploadExternal')).toBeGreaterThan(asked);
    const step1 = h.mock.api[asked]!;
    expect(step1.form.filename).toBe('timeline.png');
    expect(step1.form.alt_text).toMatch(/^Timeline: Nikolai Yezhov, \d+ dated events: 1\. /);
    const [fileId, bytes] = [...h.mock.uploads][0]!;
    expect(Number(step1.form.length)).toBe(bytes.length);
    expect(decodePng(bytes).width).toBeGreaterThanOrEqual(1520);
    const image = messages[0]!.blocks.find((b) => b.type === 'image');
    expect(image).toMatchObject({ type: 'image', slack_file: { id: fileId } });
    expect(image && 'alt_text' in image ? image.alt_text : '').toContain('9 December 1938, Emelyanov (2012)');
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
  });

  it('WHEN a member picks “Timeline: Yuri Zhukov” from the “Which Zhukov?” buttons THEN the new reply uploads its picture and shows it, as the command does', async () => {
    const which = await command('Zhukov', 'timeline-zhukov');
    const pick = which.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))).find((b) => b.text.text === 'Timeline: Yuri Zhukov');
    expect(pick).toBeDefined();
    const before = h.mock.uploads.size;
    const res = await h.clickAs({ value: pick!.value!, responseId: 'timeline-zhukov-click' });
    expect(res.status).toBe(200);
    const posted = (await h.mock.postsTo('timeline-zhukov-click', 1, 10_000)).map((p) => parseMessage(p.json));
    expect(h.mock.uploads.size).toBe(before + 1);
    const fileId = [...h.mock.uploads.keys()].at(-1);
    expect(posted[0]!.blocks.find((b) => b.type === 'image')).toMatchObject({ type: 'image', slack_file: { id: fileId } });
  });

  it('WHEN a member asks /who Yezhov THEN nothing is uploaded', async () => {
    const before = h.mock.uploads.size;
    const res = await h.command({
      command: '/who',
      text: 'Yezhov',
      user_id: 'U0STUDENT',
      team_id: 'T0TEST',
      channel_id: 'C0HISTORY',
      response_url: h.mock.responseUrl('who-1'),
    });
    expect(res.status).toBe(200);
    await h.mock.responded('who-1');
    expect(h.mock.uploads.size).toBe(before);
  });
});
