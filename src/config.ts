/**
 * Configuration from the environment, validated with zod. Which adapters start depends on which
 * credentials are set: Slack when its tokens are, Discord when its token is, the console otherwise.
 */
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const ConfigSchema = z
  .object({
    DISCORD_TOKEN: optional,
    DISCORD_APPLICATION_ID: optional,
    DISCORD_GUILD_ID: optional,
    DISCORD_SHARDS: optional.pipe(
      z
        .string()
        .regex(/^(auto|[1-9]\d{0,3})$/, "DISCORD_SHARDS is 'auto' or a number")
        .transform((s) => (s === 'auto' ? ('auto' as const) : Number(s)))
        .optional(),
    ),
    SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'SLACK_BOT_TOKEN should start with xoxb-').optional()),
    SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'SLACK_APP_TOKEN should start with xapp-').optional()),
    SLACK_SIGNING_SECRET: optional,
    SLACK_MODE: optional.pipe(z.enum(['socket', 'http']).optional()),
    SLACK_PORT: optional.pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, 'SLACK_PORT is a port number')
        .transform(Number)
        .refine((n) => n <= 65535, 'SLACK_PORT is a port number (0–65535)')
        .optional(),
    ),
    SOURCEBOOK_DB: optional,
    // The issue's PostgreSQL store (#16). Messages never echo the value: it may hold a password.
    DATABASE_URL: optional.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/./, 'DATABASE_URL should be a postgres:// (or postgresql://) URL')
        .refine((u) => URL.canParse(u), 'DATABASE_URL is not a valid URL (a password with @, / or : must be percent-encoded)')
        .optional(),
    ),
    SOURCEBOOK_CORPUS: optional,
    LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) next to SLACK_BOT_TOKEN',
      });
    }
    if (c.SLACK_MODE === 'socket' && !c.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'SLACK_MODE=socket needs SLACK_APP_TOKEN' });
    }
    if (c.SLACK_MODE === 'http' && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'SLACK_MODE=http needs SLACK_SIGNING_SECRET' });
    }
    if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) && !c.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'Slack credentials are set but SLACK_BOT_TOKEN is missing' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export interface Plan {
  discord: boolean;
  slack: 'socket' | 'http' | null;
  console: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): { ok: true; config: Config } | { ok: false; problems: string[] } {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

export function plan(c: Config): Plan {
  const slack = c.SLACK_BOT_TOKEN ? (c.SLACK_MODE ?? (c.SLACK_APP_TOKEN ? 'socket' : 'http')) : null;
  const discord = Boolean(c.DISCORD_TOKEN);
  return { discord, slack, console: !discord && !slack };
}
