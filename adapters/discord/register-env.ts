import { z } from 'zod';

const snowflake = (name: string) =>
  z
    .string({ error: `${name} is not set` })
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be a Discord id (17–20 digits)`);

const schema = z.object({
  DISCORD_TOKEN: z.string({ error: 'DISCORD_TOKEN is not set' }).trim().min(1, 'DISCORD_TOKEN is empty'),
  DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID'),
  DISCORD_GUILD_ID: z.preprocess((v) => (v === '' ? undefined : v), snowflake('DISCORD_GUILD_ID').optional()),
});

export interface RegisterEnv {
  token: string;
  applicationId: string;
  guildId?: string;
}

export type ParsedEnv = { ok: true; env: RegisterEnv } | { ok: false; message: string };

/** Reads the registration settings, or explains in one message what is missing. */
export function parseRegisterEnv(env: NodeJS.ProcessEnv): ParsedEnv {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.message}`).join('\n');
    return {
      ok: false,
      message:
        `Cannot register Discord commands:\n${problems}\n` +
        'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → your application), ' +
        'and optionally DISCORD_GUILD_ID to register in one server only.',
    };
  }
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID } = result.data;
  return {
    ok: true,
    env: {
      token: DISCORD_TOKEN,
      applicationId: DISCORD_APPLICATION_ID,
      ...(DISCORD_GUILD_ID ? { guildId: DISCORD_GUILD_ID } : {}),
    },
  };
}
