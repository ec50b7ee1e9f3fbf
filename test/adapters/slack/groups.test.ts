import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupLookup } from '../../../adapters/slack/groups.ts';
import { startSlackMock, type SlackMock } from '../../../loopback/slack/slack-mock.ts';

let mock: SlackMock;
let client: webApi.WebClient;
beforeEach(async () => {
  mock = await startSlackMock();
  client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: mock.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(async () => {
  await mock.close();
});

const listCalls = () => mock.api.filter((c) => c.name === 'usergroups.list');

describe('createGroupLookup', () => {
  it('GIVEN user groups THEN each user gets the ids of the groups they belong to, from one cached usergroups.list per workspace', async () => {
    mock.userGroups.set('S0MODS', ['U0MOD', 'U0BOTH']).set('S0TUTORS', ['U0BOTH']);
    let now = 1_000;
    const lookup = createGroupLookup(pino({ level: 'silent' }), { ttlMs: 300_000, now: () => now });
    expect(await Promise.all(['U0MOD', 'U0BOTH', 'U0STUDENT'].map((u) => lookup.groupsOf(client, 'T1', u)))).toEqual([['S0MODS'], ['S0MODS', 'S0TUTORS'], []]);
    expect(listCalls()).toHaveLength(1);
    expect(listCalls()[0]!.form.include_users).toBe('true');
    await lookup.groupsOf(client, 'T2', 'U0MOD');
    expect(listCalls()).toHaveLength(2);
    now += 300_001;
    mock.userGroups.set('S0MODS', []);
    expect(await lookup.groupsOf(client, 'T1', 'U0MOD')).toEqual([]);
    expect(listCalls()).toHaveLength(3);
  });

  it('GIVEN usergroups.list fails (free plan, missing scope) THEN no groups, and Slack is asked again only after the failure TTL', async () => {
    mock.userGroupsFail = true;
    let now = 1_000;
    const lookup = createGroupLookup(pino({ level: 'silent' }), { failureTtlMs: 30_000, now: () => now });
    expect(await lookup.groupsOf(client, 'T1', 'U0MOD')).toEqual([]);
    expect(await lookup.groupsOf(client, 'T1', 'U0MOD')).toEqual([]);
    expect(listCalls()).toHaveLength(1);
    now += 30_001;
    mock.userGroupsFail = false;
    mock.userGroups.set('S0MODS', ['U0MOD']);
    expect(await lookup.groupsOf(client, 'T1', 'U0MOD')).toEqual(['S0MODS']);
    expect(listCalls()).toHaveLength(2);
  });
});
