import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/core/bot-api.ts';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

/** The manifest's slash_commands entries; values are plain or double-quoted (JSON-style) scalars. */
function slashCommands(yaml: string): Record<string, string>[] {
  const section = /^ {2}slash_commands:\n((?: {4}.*\n)+)/m.exec(yaml)?.[1] ?? '';
  const entries: Record<string, string>[] = [];
  for (const line of section.split('\n')) {
    const m = /^ {4}(- | {2})(\w+): (.*)$/.exec(line);
    if (!m) continue;
    const value = m[3]!.startsWith('"') ? String(JSON.parse(m[3]!)) : m[3]!;
    if (m[1] === '- ') entries.push({});
    const entry = entries[entries.length - 1];
    if (entry) entry[m[2]!] = value;
  }
  return entries;
}

function botScopes(yaml: string): string[] {
  const block = /^ {4}bot:\n((?: {6}.*\n)+)/m.exec(yaml)?.[1] ?? '';
  return block.split('\n').flatMap((l) => {
    const m = /^ {6}- (\S+)$/.exec(l);
    return m ? [m[1]!] : [];
  });
}

let bot: CoreBot;
let specs: CommandSpec[];
beforeAll(() => {
  bot = corpusBot();
  specs = bot.specs();
});
afterAll(() => bot.close());

describe('adapters/slack/manifest.yml', () => {
  it('GIVEN the real bot’s specs THEN the manifest declares exactly its commands, each with the spec’s description', () => {
    const declared = slashCommands(manifest);
    expect(declared.map((c) => c.command).sort()).toEqual(specs.map((s) => `/${s.name}`).sort());
    expect(specs.length).toBeGreaterThan(10);
    for (const spec of specs) {
      const entry = declared.find((c) => c.command === `/${spec.name}`);
      expect(entry?.description, spec.name).toBe(spec.description);
    }
  });

  it('GIVEN the manifest THEN every command but /sourcebook passes its text through unescaped and has a short usage hint if it takes arguments', () => {
    const declared = slashCommands(manifest);
    for (const c of declared) {
      // /sourcebook names user groups: only escaped text turns a typed @mods into <!subteam^S…|@mods>.
      expect(c.should_escape, c.command).toBe(c.command === '/sourcebook' ? 'true' : 'false');
      expect((c.usage_hint ?? '').length, c.command).toBeLessThanOrEqual(100);
      expect(c.description!.length, c.command).toBeLessThanOrEqual(100);
    }
    const withArgs = specs.filter((s) => s.options.length > 0).map((s) => `/${s.name}`);
    expect(declared.filter((c) => withArgs.includes(c.command!) && !c.usage_hint)).toEqual([]);
  });

  it('GIVEN the manifest THEN Socket Mode, interactivity, the Home tab and exactly the scopes the adapter uses are on', () => {
    expect(manifest).toMatch(/^\s+socket_mode_enabled: true$/m);
    expect(manifest).toMatch(/^\s+interactivity:\n\s+is_enabled: true$/m);
    expect(manifest).toMatch(/^\s+home_tab_enabled: true$/m);
    expect(manifest).toMatch(/bot_events:\n\s+- app_home_opened\n\s+- message\.im\n/);
    // A file shared with the app in its Messages tab is how a moderator adds a reading (/source add).
    expect(manifest).toMatch(/^\s+messages_tab_enabled: true$/m);
    expect(botScopes(manifest)).toEqual([
      'commands',
      'chat:write',
      'chat:write.public',
      'users:read',
      'files:write',
      'usergroups:read',
      'im:history',
      'files:read',
    ]);
  });
});
