/**
 * The real core bot over the real corpus behind the real Bolt app; only the network is fake.
 * One bot and one adapter for the file: building the corpus takes a second or two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { limitViolations, mrkdwnTexts, parseMessage, type PostedMessage } from './message-shape.ts';

let bot: CoreBot;
let h: HttpHarness<CoreBot>;
let ids = 0;
/** A fresh response_url id per request, so tests never read each other's posts. */
const rid = (what: string) => `${what}-${++ids}`;

beforeAll(async () => {
  bot = corpusBot();
  h = await startHttpHarness(bot);
  h.mock.admins.add('U0ADMIN').add('U0ADMIN2');
}, 30_000);
afterAll(async () => {
  await h.stop();
  bot.close();
});

async function slash(command: string, text: string, who: { user?: string; team?: string; channel?: string } = {}): Promise<PostedMessage[]> {
  const id = rid(command.slice(1));
  const res = await h.command({
    command,
    text,
    user_id: who.user ?? 'U0STUDENT',
    team_id: who.team ?? 'T0TEST',
    channel_id: who.channel ?? 'C0HISTORY',
    response_url: h.mock.responseUrl(id),
  });
  expect(res.status).toBe(200);
  await h.mock.responded(id);
  // Long replies come as several posts; give the rest a moment to land.
  await new Promise((r) => setTimeout(r, 100));
  return h.mock.responses.filter((p) => p.name === id).map((p) => parseMessage(p.json));
}

async function click(value: string, count: number, who: { user?: string; team?: string; messageTs?: string } = {}): Promise<PostedMessage[]> {
  const id = rid('click');
  const res = await h.clickAs({ value, responseId: id, ...who });
  expect(res.status).toBe(200);
  return (await h.mock.postsTo(id, count, 10_000)).map((p) => parseMessage(p.json));
}

const buttons = (msgs: PostedMessage[]) => msgs.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])));
const button = (msgs: PostedMessage[], label: string | RegExp) => {
  const found = buttons(msgs).find((b) => (typeof label === 'string' ? b.text.text === label : label.test(b.text.text)));
  if (!found)
    throw new Error(
      `no button ${label} among ${buttons(msgs)
        .map((b) => b.text.text)
        .join(', ')}`,
    );
  return found;
};
const allText = (msgs: PostedMessage[]) => `${msgs.flatMap(mrkdwnTexts).join('\n')}\n${JSON.stringify(msgs)}`;

describe('Slack adapter with the real core bot', () => {
  let who: PostedMessage[];
  beforeAll(async () => {
    who = await slash('/who', 'Yezhov');
  }, 20_000);

  it('GIVEN a signed /who Yezhov THEN Block Kit within limits, in the channel, showing every passage id the core cited', async () => {
    expect(who.length).toBeGreaterThan(0);
    for (const m of who) {
      expect(limitViolations(m)).toEqual([]);
      expect(m.response_type).toBe('in_channel');
    }
    const expected = await bot.handle({
      command: 'who',
      args: 'Yezhov',
      user: { id: 'U0STUDENT', name: 'anna', isAdmin: false, groups: [] },
      where: { platform: 'slack', space: 'T0TEST', channel: 'C0HISTORY' },
    });
    expect(expected.citations.length).toBeGreaterThan(2);
    const text = who.flatMap(mrkdwnTexts).join('\n');
    for (const c of expected.citations) expect(text).toContain(`\`${c.passage}\``);
    expect(text).toMatch(/Yezhov/);
    expect(button(who, 'Report').style).toBe('danger');
  });

  it('GIVEN the Report button clicked THEN the clicker alone is thanked, and /review by a workspace admin lists the report', async () => {
    const [thanks, ...more] = await click(button(who, 'Report').value, 1);
    expect(more).toEqual([]);
    expect(thanks!.response_type).toBe('ephemeral');
    expect(thanks!.replace_original).toBe(false);
    expect(thanks!.text).toMatch(/^Report #\d+ sent$/);

    const review = await slash('/review', '', { user: 'U0ADMIN' });
    for (const m of review) expect(limitViolations(m)).toEqual([]);
    expect(review[0]!.response_type).toBe('ephemeral');
    expect(review[0]!.text).toMatch(/^Report #\d+/);
    expect(allText(review)).toContain('/who Yezhov');
    expect(buttons(review).map((b) => b.text.text)).toEqual(expect.arrayContaining(['Curate', 'Dismiss']));
  });

  it('GIVEN /review by a member who is not a workspace admin THEN an ephemeral refusal and no report shown', async () => {
    const before = h.mock.api.filter((c) => c.name === 'users.info' && c.form.user === 'U0NOBODY').length;
    const refusal = await slash('/review', '', { user: 'U0NOBODY' });
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.response_type).toBe('ephemeral');
    expect(refusal[0]!.text).toBe('Moderators only');
    expect(allText(refusal)).not.toContain('Yezhov');
    expect(h.mock.api.filter((c) => c.name === 'users.info' && c.form.user === 'U0NOBODY')).toHaveLength(before + 1);
  });

  it('GIVEN a report made in workspace T0TEST THEN /review by an admin of another workspace does not list it', async () => {
    const [thanks] = await click(button(who, 'Report').value, 1, { user: 'U0BORIS' });
    expect(thanks!.text).toMatch(/^Report #\d+ sent$/);
    const here = await slash('/review', '', { user: 'U0ADMIN' });
    expect(allText(here)).toContain('/who Yezhov');

    const elsewhere = await slash('/review', '', { user: 'U0ADMIN2', team: 'T0OTHER', channel: 'C0OTHER' });
    expect(elsewhere[0]!.text).toBe('No open reports');
    expect(allText(elsewhere)).not.toMatch(/Yezhov|Report #/);
  });
});

describe('A quiz round on Slack with the real core bot', () => {
  let question: PostedMessage;
  const tally = (m: PostedMessage) => mrkdwnTexts(m).find((t) => /^\d+ answered, \d+ right · question #\d+/.test(t));

  beforeAll(async () => {
    const posted = await slash('/quiz', '');
    expect(posted).toHaveLength(1);
    question = posted[0]!;
  }, 20_000);

  it('GIVEN /quiz THEN a question for the whole channel, with one answer button per option and a zero tally', () => {
    expect(limitViolations(question)).toEqual([]);
    expect(question.response_type).toBe('in_channel');
    expect(question.text).toMatch(/^Quiz/);
    expect(buttons([question]).length).toBeGreaterThanOrEqual(2);
    expect(buttons([question]).every((b) => /^[A-E]\. /.test(b.text.text))).toBe(true);
    expect(tally(question)).toMatch(/^0 answered, 0 right/);
  });

  it('GIVEN two members answer THEN each redraws the shared post with the tally and gets private feedback quoting the passage', async () => {
    const [first, second] = buttons([question]);
    const [redrawn, feedback] = await click(first!.value, 2, { user: 'U0ANNA', messageTs: '1700000000.000100' });
    expect(redrawn!.replace_original).toBe(true);
    expect(redrawn!.response_type).toBe('in_channel');
    expect(limitViolations(redrawn!)).toEqual([]);
    expect(tally(redrawn!)).toMatch(/^1 answered, [01] right/);
    expect(buttons([redrawn!]).map((b) => b.value)).toEqual(buttons([question]).map((b) => b.value));

    expect(feedback!.replace_original).toBe(false);
    expect(feedback!.response_type).toBe('ephemeral');
    expect(feedback!.text).toMatch(/^(Right!|Not quite\.)$/);
    expect(mrkdwnTexts(feedback!).some((t) => t.startsWith('&gt; '))).toBe(true);
    expect(tally(feedback!)).toBeUndefined();

    const [again] = await click(second!.value, 2, { user: 'U0BORIS', messageTs: '1700000000.000100' });
    expect(tally(again!)).toMatch(/^2 answered, [012] right/);
  });

  it('GIVEN /quiz close by a workspace admin (a moderator subcommand of an everyone command) THEN the question closes with its answer', async () => {
    const post = /question #(\d+)/.exec(tally(question) ?? '')?.[1];
    expect(post).toBeDefined();
    const refused = await slash('/quiz', `close ${post}`, { user: 'U0STUDENT' });
    expect(refused[0]!.text).toBe('Moderators only');
    const closed = await slash('/quiz', `close ${post}`, { user: 'U0ADMIN' });
    expect(closed[0]!.response_type).toBe('in_channel');
    expect(closed[0]!.text).toMatch(/closed/);
    expect(allText(closed)).toMatch(/Answer: [A-E]\. /);
  });
});

describe('/sourcebook config on Slack with the real core bot (the manifest escapes its text)', () => {
  it('GIVEN an admin names a user group as escaped Slack text <!subteam^S0MODS|@mods> THEN the group id is stored and its members may use moderator commands', async () => {
    const place = { team: 'T0GROUPS', channel: 'C0GROUPS' };
    h.mock.userGroups.set('S0MODS', ['U0GROUPMOD']);
    const before = await slash('/review', '', { user: 'U0GROUPMOD', ...place });
    expect(before[0]!.text).toBe('Moderators only');

    const added = await slash('/sourcebook', 'config modrole <!subteam^S0MODS|@mods>', { user: 'U0ADMIN', ...place });
    expect(added[0]!.text).toBe('Moderator role added');
    expect(added[0]!.response_type).toBe('ephemeral');
    expect(allText(added)).toContain('Members of S0MODS can now use the moderator commands');
    expect(allText(added)).not.toContain('<!subteam');

    const shown = await slash('/sourcebook', 'config', { user: 'U0ADMIN', ...place });
    expect(allText(shown)).toMatch(/• S0MODS \(added by /);

    const after = await slash('/review', '', { user: 'U0GROUPMOD', ...place });
    expect(after[0]!.text).not.toBe('Moderators only');
    expect(after[0]!.text).toBe('No open reports');
  });
});
