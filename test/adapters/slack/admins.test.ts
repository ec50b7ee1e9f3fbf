import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminLookup } from '../../../adapters/slack/admins.ts';
import { startSlackMock, type SlackMock } from '../../../loopback/slack/slack-mock.ts';

let mock: SlackMock;
let client: webApi.WebClient;
beforeEach(async () => {
  mock = await startSlackMock();
  client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: mock.apiUrl });
});
afterEach(async () => {
  await mock.close();
});

const usersInfoCalls = () => mock.api.filter((c) => c.name === 'users.info').length;

describe('createAdminLookup', () => {
  it('GIVEN an admin asked twice within the TTL THEN one users.info call; after the TTL, a fresh one', async () => {
    mock.admins.add('U0ADMIN');
    let now = 1_000;
    const lookup = createAdminLookup(pino({ level: 'silent' }), { ttlMs: 60_000, now: () => now });
    expect(await Promise.all([lookup.isAdmin(client, 'T1', 'U0ADMIN'), lookup.isAdmin(client, 'T1', 'U0ADMIN')])).toEqual([true, true]);
    expect(usersInfoCalls()).toBe(1);
    now += 60_001;
    mock.admins.delete('U0ADMIN');
    expect(await lookup.isAdmin(client, 'T1', 'U0ADMIN')).toBe(false);
    expect(usersInfoCalls()).toBe(2);
  });

  it('GIVEN users.info fails THEN not an admin, and the failure is not cached', async () => {
    mock.unknownUsers.add('U0GHOST');
    const lookup = createAdminLookup(pino({ level: 'silent' }));
    expect(await lookup.isAdmin(client, 'T1', 'U0GHOST')).toBe(false);
    mock.unknownUsers.delete('U0GHOST');
    mock.admins.add('U0GHOST');
    expect(await lookup.isAdmin(client, 'T1', 'U0GHOST')).toBe(true);
    expect(usersInfoCalls()).toBe(2);
  });
});
