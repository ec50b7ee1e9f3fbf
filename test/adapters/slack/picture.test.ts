/**
 * /timeline through the real Bolt app: the picture is uploaded with the files API (upload URL,
 * the bytes, completion), then shown in the reply by an image block naming the uploaded file.
 */
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../support/png.ts';
import { limitViolations, parseMessage } from './message-shape.ts';
import { corpusHarness, slashCommand } from './slash.ts';

const t = corpusHarness();

const command = (text: string, id: string) => slashCommand(t.h, '/timeline', text, id);

describe('GIVEN /timeline on Slack', () => {
  it('WHEN a member asks /timeline Yezhov THEN the PNG is uploaded in the files API’s three steps and the reply’s first message shows it, alt text listing the events', async () => {
    const messages = await command('Yezhov', 'timeline-1');
    const names = t.h.mock.api.map((c) => c.name);
    const asked = names.indexOf('files.getUploadURLExternal');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('files.completeUploadExternal')).toBeGreaterThan(asked);
    const step1 = t.h.mock.api[asked]!;
    expect(step1.form.filename).toBe('timeline.png');
    expect(step1.form.alt_text).toMatch(/^Timeline: Nikolai Yezhov, \d+ dated events: 1\. /);
    const [fileId, bytes] = [...t.h.mock.uploads][0]!;
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
    const before = t.h.mock.uploads.size;
    const res = await t.h.clickAs({ value: pick!.value!, responseId: 'timeline-zhukov-click' });
    expect(res.status).toBe(200);
    const posted = (await t.h.mock.postsTo('timeline-zhukov-click', 1, 10_000)).map((p) => parseMessage(p.json));
    expect(t.h.mock.uploads.size).toBe(before + 1);
    const fileId = [...t.h.mock.uploads.keys()].at(-1);
    expect(posted[0]!.blocks.find((b) => b.type === 'image')).toMatchObject({ type: 'image', slack_file: { id: fileId } });
  });

  it('WHEN a member asks /who Yezhov THEN nothing is uploaded', async () => {
    const before = t.h.mock.uploads.size;
    const res = await t.h.command({
      command: '/who',
      text: 'Yezhov',
      user_id: 'U0STUDENT',
      team_id: 'T0TEST',
      channel_id: 'C0HISTORY',
      response_url: t.h.mock.responseUrl('who-1'),
    });
    expect(res.status).toBe(200);
    await t.h.mock.responded('who-1');
    expect(t.h.mock.uploads.size).toBe(before);
  });
});
