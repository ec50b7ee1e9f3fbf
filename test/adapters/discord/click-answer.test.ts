import { expect, test } from 'vitest';
import { clickAnswer } from '../../../adapters/discord/click-answer.ts';
import { errorReply } from '../../../src/core/reply.ts';
import { createFakeBot, quizPost } from '../../../loopback/discord/fake-bot.ts';
import { recordingLogger } from '../../../loopback/discord/harness.ts';

const bot = createFakeBot();
const USER = { id: '1', name: 'x', isAdmin: false, groups: [] };
const HERE = { platform: 'discord' as const, space: 'g', channel: 'c' };

test('GIVEN a redraw too long for one message THEN the clicked message gets its first part, the rest is logged as left out, and the feedback stays private', async () => {
  const long = await bot.handle({ command: 'long', args: '', user: USER, where: HERE });
  const logger = recordingLogger();
  const { edit, send } = clickAnswer({ ...errorReply('Closed', 'This question has closed.'), ephemeral: false, updateOriginal: long }, logger);
  expect(edit?.embeds[0]?.title).toBe(long.title);
  expect(send.map((m) => m.ephemeral)).toEqual([true]);
  expect(logger.entries.map((e) => e.msg)).toContain('discord: redrawn message too long, rest left out');
});

test('GIVEN a page of a result THEN it redraws the clicked message; GIVEN anything else THEN it is only sent', async () => {
  const page = clickAnswer(await bot.act('page:long:2', USER, HERE), recordingLogger());
  expect(page.edit?.embeds[0]?.title).toBe('The purges: survey of the sources');
  expect([page.edit, ...page.send].at(-1)?.embeds.at(-1)?.footer?.text).toBe('Page 2 of 3');
  const plain = clickAnswer(quizPost(0), recordingLogger());
  expect(plain.edit).toBeUndefined();
  expect(plain.send).toHaveLength(1);
});
