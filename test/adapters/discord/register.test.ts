import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register.ts';
import { parseRegisterEnv } from '../../../adapters/discord/register-env.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../loopback/discord/fake-discord.ts';
import { createFakeBot } from '../../../loopback/discord/fake-bot.ts';

const APP = '1312345678901234567';
const GUILD = '1298765432109876543';

describe('registerCommands', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  test('GIVEN a guild id THEN the commands are PUT to that guild with the bot token', async () => {
    const result = await registerCommands({
      token: 'test-token',
      applicationId: APP,
      guildId: GUILD,
      specs: createFakeBot().specs(),
      rest: { api: fake.api },
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${APP}/guilds/${GUILD}/commands`]);
    expect(fake.requests[0]!.authorization).toBe('Bot test-token');
    const body = fake.requests[0]!.body;
    expect(Array.isArray(body) && body.map((c: { name: string }) => c.name)).toEqual(result.names);
    expect(result).toMatchObject({ scope: 'guild' });
    expect(result.names).toContain('quote');
  });

  test('GIVEN no guild id THEN the commands are registered globally', async () => {
    const result = await registerCommands({ token: 't', applicationId: APP, specs: createFakeBot().specs(), rest: { api: fake.api } });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${APP}/commands`]);
    expect(result.scope).toBe('global');
  });
});

describe('parseRegisterEnv', () => {
  test('GIVEN token and application id THEN they are read, and an empty guild id means global', () => {
    expect(parseRegisterEnv({ DISCORD_TOKEN: ' abc ', DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: '' })).toEqual({
      ok: true,
      env: { token: 'abc', applicationId: APP },
    });
    expect(parseRegisterEnv({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: GUILD })).toEqual({
      ok: true,
      env: { token: 'abc', applicationId: APP, guildId: GUILD },
    });
  });

  test('GIVEN nothing set THEN one message names each missing variable', () => {
    const parsed = parseRegisterEnv({});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('DISCORD_TOKEN is not set');
      expect(parsed.message).toContain('DISCORD_APPLICATION_ID is not set');
      // The guild id is optional: no complaint about it.
      expect(parsed.message).not.toMatch(/- DISCORD_GUILD_ID/);
    }
  });

  test('GIVEN an application id that is not a snowflake THEN the message says so', () => {
    const parsed = parseRegisterEnv({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: 'my-app' });
    expect(parsed.ok ? '' : parsed.message).toContain('DISCORD_APPLICATION_ID must be a Discord id');
  });
});
