/**
 * /timeline through the real discord.js Client: the picture goes as a multipart attachment of the
 * interaction response, shown by the first embed, with its alt text as the attachment's description.
 */
import { describe, expect, test } from 'vitest';
import { corpusHarness } from './corpus-harness.ts';
import { decodePng } from '../../support/png.ts';
import { click, slash } from './payloads.ts';
import { onlyMessage, summary } from './wire.ts';

const t = corpusHarness();

describe('GIVEN /timeline on Discord', () => {
  test('WHEN a member asks /timeline Yezhov THEN the response is multipart with the PNG, the embed shows attachment://timeline.png and the attachment’s description lists the events', async () => {
    const calls = await t.h.deliver(slash('timeline', { subject: 'Yezhov' }));
    // Answered at once (callback 4), or deferred while the chart renders and then edited in: either way one message.
    expect([['callback 4'], ['callback 5', 'PATCH /webhooks/{app}/{token}/messages/@original']]).toContainEqual(summary(calls));
    onlyMessage(calls);
    const carrying = calls.filter((c) => c.files.length > 0);
    expect(carrying).toHaveLength(1);
    const file = carrying[0]!.files[0]!;
    expect(file.name).toBe('timeline.png');
    expect(decodePng(file.bytes).width).toBeGreaterThanOrEqual(1520);
    type Sent = { embeds?: { image?: { url: string } }[]; attachments?: unknown[] };
    const body = carrying[0]!.body as Sent & { data?: Sent };
    expect((body.data ?? body).embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
    const attachments = (body.data?.attachments ?? body.attachments ?? []) as { id: string; description?: string }[];
    expect(attachments[0]?.description).toMatch(/^Timeline: Nikolai Yezhov, \d+ dated events: 1\. /);
  });

  test('WHEN a member picks “Timeline: Yuri Zhukov” from the “Which Zhukov?” buttons THEN the new reply carries the picture as a command’s does', async () => {
    const which = onlyMessage(await t.h.deliver(slash('timeline', { subject: 'Zhukov' })));
    const buttons = (which.components ?? []).flatMap((r) => r.components);
    const pick = buttons.find((b) => b.label === 'Timeline: Yuri Zhukov')!;
    expect(pick).toBeDefined();
    const calls = await t.h.deliver(click(pick.custom_id!, which));
    const carrying = calls.filter((c) => c.files.length > 0);
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.files[0]!.name).toBe('timeline.png');
    expect(decodePng(carrying[0]!.files[0]!.bytes).width).toBeGreaterThanOrEqual(1520);
  });

  test('WHEN a member asks /who Yezhov THEN no file rides along', async () => {
    const calls = await t.h.deliver(slash('who', { name: 'Yezhov' }));
    const callback = calls.find((c) => c.path.endsWith('/callback'))!;
    expect(callback.files).toEqual([]);
    expect(JSON.stringify(callback.body)).not.toContain('attachment://');
  });
});
