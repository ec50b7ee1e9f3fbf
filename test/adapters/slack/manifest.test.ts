import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

describe('adapters/slack/manifest.yml', () => {
  it('GIVEN the manifest THEN every core command is a slash command that passes its text through unescaped', () => {
    const commands = [...manifest.matchAll(/^\s+- command: \/(\S+)$/gm)].map((m) => m[1]);
    expect(commands).toEqual(['who', 'compare', 'ask', 'cite', 'source', 'help']);
    expect(manifest.match(/should_escape: false/g)).toHaveLength(commands.length);
  });

  it('GIVEN the manifest THEN Socket Mode, interactivity, the Home tab and exactly the three bot scopes are on', () => {
    expect(manifest).toMatch(/^\s+socket_mode_enabled: true$/m);
    expect(manifest).toMatch(/^\s+interactivity:\n\s+is_enabled: true$/m);
    expect(manifest).toMatch(/^\s+home_tab_enabled: true$/m);
    expect(manifest).toMatch(/bot_events:\n\s+- app_home_opened\n/);
    const scopes = /bot:\n((?:\s+- \S+\n)+)/.exec(manifest)?.[1];
    expect(scopes?.split('\n').map((s) => s.trim().replace(/^- /, '')).filter(Boolean)).toEqual(['commands', 'chat:write', 'users:read']);
  });
});
