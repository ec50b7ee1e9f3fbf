/** Rows the contract tests share: a question, a place to post it, an actor. */
import type { Where } from '../../src/core/request.ts';
import { ScheduleSpecSchema } from '../../src/quiz/schedule.ts';
import { QuestionBodySchema } from '../../src/quiz/types.ts';
import type { NewPost } from '../../src/store/types.ts';

export const WHERE: Where = { platform: 'discord', space: 'guild-1', channel: 'chan-1' };
export const SPACE = 'discord:guild-1';
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const ACTOR = { id: 'mod-1', name: 'Moderator One' };

export const BODY = QuestionBodySchema.parse({
  kind: 'who',
  prompt: 'Who fills the blank?',
  stem: '___ signed Order No. 00447 in July 1937.',
  options: ['Yezhov', 'Beria', 'Yagoda'],
  answer: 0,
  passageId: 'conq-0001',
  quote: 'Yezhov signed the order.',
});

export function newPost(questionId: string, over: Partial<NewPost> = {}): NewPost {
  return { space: SPACE, where: WHERE, questionId, body: BODY, forUser: null, createdBy: 'test', now: T0, openMs: 3_600_000, ...over };
}

export const DAILY = ScheduleSpecSchema.parse({ when: '09:00', tz: 'UTC' });
