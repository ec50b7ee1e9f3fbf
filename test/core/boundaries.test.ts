/** The core knows nothing of Discord or Slack: adapters import it, never the other way round. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const IMPORT = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

describe('the platform-neutral core', () => {
  it('GIVEN every file under src/ THEN none imports discord.js or @slack/*; only the CLI wiring (src/cli) loads adapters', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(PROJECT_ROOT, 'src'))) {
      const rel = relative(PROJECT_ROOT, file);
      // `sourcebook start` chooses which adapters to run: the CLI is the one place allowed to reach them.
      const wiring = rel.startsWith(join('src', 'cli'));
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (/^(discord\.js|@discordjs\/|@slack\/)/.test(spec!) || (!wiring && spec!.includes('adapters/'))) offenders.push(`${rel} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
