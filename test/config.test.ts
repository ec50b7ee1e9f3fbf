import { describe, expect, it } from 'vitest';
import { loadConfig, plan } from '../src/config.ts';

function planFor(env: Record<string, string>) {
  const r = loadConfig(env);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return plan(r.config);
}

describe('start-up configuration', () => {
  it('GIVEN no credentials THEN the console chat starts', () => {
    expect(planFor({})).toEqual({ discord: false, slack: null, console: true });
  });

  it('GIVEN a Discord token THEN Discord starts and the console does not', () => {
    expect(planFor({ DISCORD_TOKEN: 'abc' })).toEqual({ discord: true, slack: null, console: false });
  });

  it('GIVEN Slack bot and app tokens THEN Slack starts in Socket Mode; with a signing secret instead, in HTTP mode', () => {
    expect(planFor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toBe('socket');
    expect(planFor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toBe('http');
  });

  it('GIVEN both platforms configured THEN both start', () => {
    expect(planFor({ DISCORD_TOKEN: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({ discord: true, slack: 'socket', console: false });
  });

  it('GIVEN empty variables THEN they count as unset', () => {
    expect(planFor({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ' }).console).toBe(true);
  });

  it('GIVEN a Slack mode without its credential or an impossible port THEN the problem is named', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_MODE: 'socket' });
    expect(socket.ok || socket.problems.join()).toMatch(/SLACK_MODE=socket needs SLACK_APP_TOKEN/);
    const port = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '99999' });
    expect(port.ok || port.problems.join()).toMatch(/0–65535/);
  });

  it('GIVEN half a Slack setup or a malformed value THEN each problem is named', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_SHARDS: 'many', SLACK_APP_TOKEN: 'oops' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.join('\n')).toMatch(/DISCORD_SHARDS: DISCORD_SHARDS is 'auto' or a number/);
      expect(r.problems.join('\n')).toMatch(/SLACK_APP_TOKEN should start with xapp-/);
    }
  });

  it('GIVEN DATABASE_URL THEN a postgres URL is taken as it is, anything else is named without echoing the value', () => {
    const ok = loadConfig({ DATABASE_URL: ' postgres://sb:pw@db.example:5432/sourcebook ' });
    expect(ok).toEqual({ ok: true, config: expect.objectContaining({ DATABASE_URL: 'postgres://sb:pw@db.example:5432/sourcebook' }) });
    expect(loadConfig({ DATABASE_URL: '' })).toEqual({ ok: true, config: expect.not.objectContaining({ DATABASE_URL: expect.anything() }) });
    const wrong = loadConfig({ DATABASE_URL: 'mysql://root:hunter2@localhost/x' });
    expect(wrong).toEqual({ ok: false, problems: ['DATABASE_URL: DATABASE_URL should be a postgres:// (or postgresql://) URL'] });
    const broken = loadConfig({ DATABASE_URL: 'postgres://sb:p@ss word@host:99999/x' });
    expect(broken.ok).toBe(false);
    expect(JSON.stringify(broken)).not.toContain('ss word');
  });
});
