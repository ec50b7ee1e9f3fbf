/**
 * The App Home tab with the real core bot behind the real Bolt app: quiz answers are given by
 * clicking the real quiz's buttons, and what each workspace's Home shows is read from the
 * recorded views.publish body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { mrkdwnTexts, parseMessage, type PostedMessage } from './message-shape.ts';
import type { Hit } from '../../../loopback/slack/slack-mock.ts';

let bot: CoreBot;
let h: HttpHarness<CoreBot>;
let ids = 0;
const rid = (what: string) => `${what}-${++ids}`;

beforeAll(async () => {
  bot = corpusBot();
  h = await startHttpHarness(bot);
}, 30_000);
afterAll(async () => {
  await h.stop();
  bot.close();
});

async function slash(command: string, text: string, team: string, channel: string): Promise<PostedMessage> {
  const id = rid(command.slice(1));
  const res = await h.command({ command, text, user_id: 'U0STUDENT', team_id: team, channel_id: channel, response_url: h.mock.responseUrl(id) });
  expect(res.status).toBe(200);
  return parseMessage((await h.mock.responded(id)).json);
}

/** Posts a quiz question in `team` and has each player click an answer; true for each right answer. */
async function playQuiz(team: string, channel: string, players: { id: string; name: string }[]): Promise<boolean[]> {
  const question = await slash('/quiz', '', team, channel);
  const buttons = question.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
  expect(buttons.length).toBeGreaterThanOrEqual(2);
  const right: boolean[] = [];
  for (const [i, p] of players.entries()) {
    const id = rid('answer');
    await h.clickAs({ value: buttons[i % buttons.length]!.value, responseId: id, user: p.id, name: p.name, team });
    const [, feedback] = (await h.mock.postsTo(id, 2, 10_000)).map((m) => parseMessage(m.json));
    expect(feedback!.text).toMatch(/^(Right!|Not quite\.)$/);
    right.push(feedback!.text === 'Right!');
  }
  return right;
}

const viewOf = (publish: Hit) => {
  const body = publish.form.view ?? '';
  const view = JSON.parse(body) as { type: string; blocks: { type: string; text?: { text: string } }[] };
  return { body, view };
};

describe('The Slack App Home tab with the real core bot', () => {
  const alpha = [
    { id: 'U0ZOYA', name: 'zoya' },
    { id: 'U0PYOTR', name: 'pyotr' },
    { id: 'U0HOSTILE', name: '<!channel>' },
  ];
  let alphaRight: boolean[];

  beforeAll(async () => {
    alphaRight = await playQuiz('T0ALPHA', 'C0ALPHA', alpha);
  }, 30_000);

  it('GIVEN members of workspace A answered a quiz WHEN a member of workspace B opens App Home THEN B sees none of A’s players, only “No quiz answers yet”', async () => {
    const publish = await h.openHome({ team: 'T0BETA', user: 'U0BETA' });
    expect(publish.form.user_id).toBe('U0BETA');
    const { body, view } = viewOf(publish);
    expect(view.type).toBe('home');
    expect(body).toContain('*/leaderboard*');
    expect(body).toContain('No quiz answers yet — try `/quiz`.');
    expect(body).not.toMatch(/zoya|pyotr|channel&gt;|right of/);
  });

  it('GIVEN members of workspace A answered a quiz WHEN a member of A opens App Home THEN the leaderboard below the commands names each player with their score, escaped', async () => {
    const publish = await h.openHome({ team: 'T0ALPHA', user: 'U0ZOYA' });
    const { body, view } = viewOf(publish);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(body).toContain('Quiz leaderboard — all time');
    expect(body.indexOf('*/who*')).toBeLessThan(body.indexOf('Quiz leaderboard'));
    expect(body).not.toContain('No quiz answers yet');
    for (const [i, p] of alpha.entries()) {
      const name = p.name.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const score = alphaRight[i] ? 1 : 0;
      expect(body).toContain(`${name} — ${score} right of 1 (${score * 100}%), streak ${score}`);
    }
    expect(body).not.toContain('<!channel>');

    // The same standings `/leaderboard all` shows when typed in workspace A.
    const typed = await slash('/leaderboard', 'all', 'T0ALPHA', 'C0ALPHA');
    const list = mrkdwnTexts(typed).find((t) => t.startsWith('• 1. '));
    expect(list).toBeDefined();
    const homeList = view.blocks.find((b) => b.text?.text.startsWith('• 1. '))?.text?.text;
    expect(homeList).toBe(list);
  });

  it('GIVEN both workspaces have players THEN each Home shows its own players and never the other’s', async () => {
    await playQuiz('T0BETA', 'C0BETA', [{ id: 'U0BORIS', name: 'boris' }]);
    const beta = viewOf(await h.openHome({ team: 'T0BETA', user: 'U0BETA' })).body;
    expect(beta).toMatch(/boris — [01] right of 1/);
    expect(beta).not.toMatch(/zoya|pyotr|channel&gt;|No quiz answers yet/);
    const alphaHome = viewOf(await h.openHome({ team: 'T0ALPHA', user: 'U0PYOTR' })).body;
    expect(alphaHome).toMatch(/zoya — [01] right of 1/);
    expect(alphaHome).not.toContain('boris');
  });

  it('GIVEN a fresh workspace THEN its Home shows the commands and the “No quiz answers yet” line', async () => {
    const { body } = viewOf(await h.openHome({ team: 'T0FRESH', user: 'U0NEW' }));
    expect(body).toContain('*/quiz*');
    expect(body).toContain('No quiz answers yet — try `/quiz`.');
    expect(body).not.toMatch(/zoya|boris|right of/);
  });
});
