import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/slack/render.ts';
import { errorReply, reply } from '../../../src/core/reply.ts';
import { longReply } from '../../../loopback/slack/fake-bot.ts';
import { appHomeOpened } from '../../../loopback/slack/fixtures.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { limitViolations, mrkdwnTexts, parseMessage, visibleWords } from './message-shape.ts';
import { commandBody, postSigned, signedHeaders } from '../../../loopback/slack/sign.ts';

let h: HttpHarness;
beforeEach(async () => {
  h = await startHttpHarness();
});
afterEach(async () => {
  await h.stop();
});

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const sections = (raw: unknown) => parseMessage(raw).blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

describe('Slack adapter over HTTP (real Bolt HTTPReceiver, signed requests)', () => {
  it('GIVEN a signed /who THEN an empty 200 ack before the bot answers, then Block Kit within limits on the response_url', async () => {
    h.bot.delayMs = 800;
    const started = performance.now();
    const res = await h.command({ command: '/who', text: ' Nakhayev ', response_url: h.mock.responseUrl('who-1') });
    const ackedAt = performance.now();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(ackedAt - started).toBeLessThan(h.bot.delayMs);
    expect(h.mock.responses).toHaveLength(0);

    const [posted] = await h.mock.waitFor('responses', 1);
    expect(posted!.name).toBe('who-1');
    expect(posted!.at).toBeGreaterThan(ackedAt);
    const msg = parseMessage(posted!.json);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.response_type).toBe('in_channel');
    expect(msg.replace_original).toBe(false);
    expect(posted!.raw).not.toMatch(/link_names|"parse"/);
    expect(mrkdwnTexts(msg).some((t) => t.startsWith('&gt; Eighty-five years ago'))).toBe(true);

    expect(h.bot.handled).toEqual([
      {
        command: 'who',
        args: 'Nakhayev',
        user: { id: 'U0STUDENT', name: 'anna', isAdmin: false, groups: [] },
        where: { platform: 'slack', space: 'T0TEST', channel: 'C0HISTORY' },
      },
    ]);
    // Asked for every command: the core decides what needs it (`/quiz close` is a moderator's).
    expect(h.mock.api.filter((c) => c.name === 'users.info').map((c) => c.form.user)).toEqual(['U0STUDENT']);
  });

  it('GIVEN corpus text with @everyone, <!channel>, <!here> and <@U123> THEN the posted body carries them escaped', async () => {
    await h.command({ command: '/ask', text: 'hostile', response_url: h.mock.responseUrl('hostile') });
    const [posted] = await h.mock.waitFor('responses', 1);
    for (const live of ['<!channel>', '<!here>', '<@U123>', '<!everyone>', '<https://evil.example']) {
      expect(posted!.raw).not.toContain(live);
    }
    const msg = parseMessage(posted!.json);
    for (const t of mrkdwnTexts(msg)) expect(t).not.toMatch(/[<>]/);
    expect(posted!.raw).toContain('&lt;!channel&gt;');
    expect(posted!.raw).toContain('@everyone');
  });

  it('GIVEN a reply over 30,000 characters THEN several messages in order, each section ≤ 3000, no word cut', async () => {
    const expected = renderReply(longReply()).length;
    expect(expected).toBeGreaterThan(1);
    await h.command({ command: '/ask', text: 'long', response_url: h.mock.responseUrl('long') });
    const posted = await h.mock.waitFor('responses', expected);
    await settle();
    expect(h.mock.responses).toHaveLength(expected);
    for (const p of posted) expect(limitViolations(parseMessage(p.json))).toEqual([]);
    const texts = posted.flatMap((p) => sections(p.json));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    const words = longReply().blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(visibleWords(texts)).toEqual(visibleWords(words));
  });

  it('GIVEN a click on a paging button THEN bot.act gets the value, user and place, and the page replaces the original', async () => {
    const res = await h.click('page:2', 'click-1');
    expect(res.status).toBe(200);
    const [posted] = await h.mock.waitFor('responses', 1);
    expect(h.bot.acted).toEqual([
      {
        actionId: 'page:2',
        user: { id: 'U0STUDENT', name: 'anna', isAdmin: false, groups: [] },
        where: { platform: 'slack', space: 'T0TEST', channel: 'C0HISTORY' },
      },
    ]);
    const msg = parseMessage(posted!.json);
    expect(msg.replace_original).toBe(true);
    expect(mrkdwnTexts(msg)).toContain('Page 2 of 3');
  });

  it('GIVEN a click on a non-paging button THEN a new ephemeral message, the original left alone', async () => {
    await h.click('cite:goble-2019-7k2qd', 'click-2', 'sb_action_1');
    const [posted] = await h.mock.waitFor('responses', 1);
    const msg = parseMessage(posted!.json);
    expect(h.bot.acted.map((a) => a.actionId)).toEqual(['cite:goble-2019-7k2qd']);
    expect(msg.replace_original).toBe(false);
    expect(msg.response_type).toBe('ephemeral');
  });

  it('GIVEN a bad signature THEN 401 and the bot is never called', async () => {
    const res = await h.command({ response_url: h.mock.responseUrl('forged') }, { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    await settle();
    expect(h.bot.handled).toEqual([]);
    expect(h.mock.responses).toEqual([]);
  });

  it('GIVEN a correctly signed request more than five minutes old THEN it is refused and the bot is never called', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.command({ response_url: h.mock.responseUrl('stale') }, { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    await settle();
    expect(h.bot.handled).toEqual([]);
    expect(h.mock.responses).toEqual([]);
  });

  it('GIVEN a moderator-only command THEN isAdmin comes from users.info, asked once and cached', async () => {
    h.mock.admins.add('U0ADMIN');
    await h.command({ command: '/purge', user_id: 'U0ADMIN', response_url: h.mock.responseUrl('p1') });
    await h.command({ command: '/purge', user_id: 'U0ADMIN', response_url: h.mock.responseUrl('p2') });
    await h.command({ command: '/purge', user_id: 'U0STUDENT', response_url: h.mock.responseUrl('p3') });
    await h.mock.waitFor('responses', 3);
    // Lookups answer concurrently, so the core may see the commands in any order.
    expect(h.bot.handled.map((r) => [r.user.id, r.user.isAdmin]).sort()).toEqual([
      ['U0ADMIN', true],
      ['U0ADMIN', true],
      ['U0STUDENT', false],
    ]);
    expect(
      h.mock.api
        .filter((c) => c.name === 'users.info')
        .map((c) => c.form.user)
        .sort(),
    ).toEqual(['U0ADMIN', 'U0STUDENT']);
    for (const p of h.mock.responses) expect(parseMessage(p.json).response_type).toBe('ephemeral');
  });

  it('GIVEN a member of a Slack user group THEN the group ids reach the core as Asker.groups, from one usergroups.list', async () => {
    h.mock.userGroups.set('S0MODS', ['U0MOD']).set('S0TUTORS', ['U0MOD', 'U0STUDENT']);
    await h.command({ command: '/purge', user_id: 'U0MOD', response_url: h.mock.responseUrl('g1') });
    await h.command({ command: '/who', user_id: 'U0STUDENT', response_url: h.mock.responseUrl('g2') });
    await h.mock.waitFor('responses', 2);
    expect(h.bot.handled.map((r) => [r.user.id, r.user.isAdmin, r.user.groups]).sort()).toEqual([
      ['U0MOD', false, ['S0MODS', 'S0TUTORS']],
      ['U0STUDENT', false, ['S0TUTORS']],
    ]);
    expect(h.mock.api.filter((c) => c.name === 'usergroups.list')).toHaveLength(1);
  });

  it('GIVEN the bot throws THEN a short ephemeral error is posted', async () => {
    await h.command({ command: '/ask', text: 'boom', response_url: h.mock.responseUrl('boom') });
    const [posted] = await h.mock.waitFor('responses', 1);
    const msg = parseMessage(posted!.json);
    expect(msg.response_type).toBe('ephemeral');
    expect(posted!.raw).not.toContain('fake bot exploded');
    expect(msg.text).toBe('Something went wrong');
  });

  it('GIVEN app_home_opened THEN views.publish gets a Home view listing the commands', async () => {
    const raw = JSON.stringify(appHomeOpened());
    const res = await postSigned(h.url, raw, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    const calls = await h.mock.waitFor('api', h.mock.api.length + 1);
    const publish = calls.find((c) => c.name === 'views.publish');
    expect(publish?.form.user_id).toBe('U0STUDENT');
    expect(publish?.headers.authorization).toBe('Bearer xoxb-test-token');
    const view = JSON.parse(publish?.form.view ?? '{}');
    expect(view.type).toBe('home');
    expect(publish?.form.view).toContain('*/who*');
  });

  it('GIVEN app_home_opened in a workspace THEN the core is asked for /leaderboard all there, under the space /leaderboard typed there gets', async () => {
    await h.command({ command: '/leaderboard', text: 'all', team_id: 'T0ALPHA', response_url: h.mock.responseUrl('lb') });
    await h.mock.responded('lb');
    const before = h.mock.api.length;
    await h.openHome({ team: 'T0ALPHA', user: 'U0ZOYA' });
    const [typed, home] = h.bot.handled;
    expect(home).toEqual({
      command: 'leaderboard',
      args: 'all',
      user: { id: 'U0ZOYA', name: 'U0ZOYA', isAdmin: false, groups: [] },
      where: { platform: 'slack', space: 'T0ALPHA', channel: 'D0LAN2Q65' },
    });
    expect([home!.command, home!.args, home!.where.platform, home!.where.space]).toEqual([
      typed!.command,
      typed!.args,
      typed!.where.platform,
      typed!.where.space,
    ]);
    // Reading standings needs no powers: no users.info or usergroups.list per Home visit.
    expect(h.mock.api.slice(before).map((c) => c.name)).toEqual(['views.publish']);
  });

  it('GIVEN a leaderboard with a hostile player name and period buttons THEN the Home view shows it escaped, below the commands, with no buttons', async () => {
    h.bot.board = () =>
      reply({
        title: 'Quiz leaderboard — all time',
        blocks: [{ type: 'list', items: ['1. zoya <!channel> — 3 right of 4 (75%), streak 2', '2. <@U123> — 1 right of 1 (100%), streak 1'] }],
        actions: [{ id: 'lb:week', label: 'past 7 days' }],
      });
    const publish = await h.openHome();
    const view = JSON.parse(publish.form.view ?? '{}') as { blocks: { type: string }[] };
    const body = publish.form.view ?? '';
    expect(body).toContain('1. zoya &lt;!channel&gt; — 3 right of 4 (75%), streak 2');
    expect(body).toContain('&lt;@U123&gt;');
    expect(body).not.toMatch(/<!channel>|<@U123>/);
    expect(body.indexOf('*/who*')).toBeLessThan(body.indexOf('Quiz leaderboard'));
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(body).not.toContain('No quiz answers yet');
  });

  it('GIVEN the core throws or errs on the Home leaderboard THEN views.publish still lists the commands, without a leaderboard', async () => {
    h.bot.board = () => {
      throw new Error('leaderboard exploded');
    };
    const thrown = await h.openHome();
    h.bot.board = () => errorReply('Something went wrong', 'Sourcebook could not answer that.');
    const erred = await h.openHome();
    for (const publish of [thrown, erred]) {
      expect(publish.form.view).toContain('*/who*');
      expect(publish.form.view).not.toMatch(/leaderboard exploded|Something went wrong|Quiz leaderboard|No quiz answers yet/);
    }
  });

  it('GIVEN nobody has answered a quiz in the workspace THEN the Home view says so in one short line', async () => {
    const publish = await h.openHome();
    expect(publish.form.view).toContain('No quiz answers yet — try `/quiz`.');
    expect(publish.form.view).not.toContain('Nobody has answered');
  });
});

describe('Slack HTTP mode refuses what signing alone lets through', () => {
  it('GIVEN the same signed /quiz sent five times THEN it is acted on once; the replays are acknowledged', async () => {
    const body = commandBody({
      command: '/quiz',
      text: '',
      team_id: 'T0TEST',
      channel_id: 'C0HISTORY',
      user_id: 'U0STUDENT',
      user_name: 'anna',
      response_url: h.mock.responseUrl('q'),
    });
    const ts = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postSigned(h.url, body, { timestamp: ts })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await settle(300);
    expect(h.bot.handled.map((r) => r.command)).toEqual(['quiz']);
  });

  it.each([
    ['six minutes ahead', 6 * 60],
    ['a day ahead', 24 * 60 * 60],
  ])('GIVEN a correctly signed request with a timestamp %s THEN it is refused and the bot is never called', async (_label, ahead) => {
    const res = await h.command({ response_url: h.mock.responseUrl('future') }, { timestamp: Math.floor(Date.now() / 1000) + ahead });
    expect(res.status).toBe(401);
    await settle();
    expect(h.bot.handled).toEqual([]);
  });

  it('GIVEN a 2 MB body THEN 413 and the bot is never called', async () => {
    const body = `text=${'x'.repeat(2 * 1024 * 1024)}`;
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(413);
    expect(h.bot.handled).toEqual([]);
  });

  it('GIVEN Slack retries an event it already delivered (X-Slack-Retry-Num) THEN the retry is acknowledged and not run again', async () => {
    const event = JSON.stringify(appHomeOpened({ team: 'T0RETRY', user: 'U0R', eventId: 'Ev0RETRY1' }));
    const publishes = () => h.mock.api.filter((c) => c.name === 'views.publish').length;
    expect((await postSigned(h.url, event, { contentType: 'application/json' })).status).toBe(200);
    await settle(300);
    const after = publishes();
    expect(after).toBe(1);
    // The retry is signed anew (a new timestamp), with the retry headers Slack adds.
    const ts = Math.floor(Date.now() / 1000) + 1;
    const res = await fetch(h.url, {
      method: 'POST',
      headers: {
        ...signedHeaders(event, { timestamp: ts, contentType: 'application/json' }),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
      body: event,
    });
    expect(res.status).toBe(200);
    await settle(300);
    expect(publishes()).toBe(after);
  });
});
