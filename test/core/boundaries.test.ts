/**
 * The layers (.dependency-cruiser.cjs, drawn in docs/architecture.md): each imports only the
 * layers below it, with no cycles; the neutral core never reaches Discord or Slack.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';

const ruleSet = createRequire(import.meta.url)(join(PROJECT_ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[] };

async function check(baseDir: string, roots: string[]): Promise<{ modules: number; violations: string[] }> {
  const out = await cruise(
    roots,
    { baseDir, ruleSet: ruleSet as never, validate: true, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } },
    { extensions: ['.ts', '.js'] },
  );
  const result = out.output as ICruiseResult;
  return { modules: result.summary.totalCruised, violations: result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`) };
}

describe('layers', () => {
  it('GIVEN the source tree THEN no module imports a layer above its own, and none forms a cycle', async () => {
    const { modules, violations } = await check(PROJECT_ROOT, ['src', 'adapters', 'bench', 'loopback']);
    expect(modules).toBeGreaterThan(200);
    expect(violations).toEqual([]);
  }, 60_000);

  it('GIVEN a core module that imports a command or discord.js, and a command importing a module that imports it back THEN the check fails on each', async () => {
    // Inside the project, so that discord.js resolves from its node_modules as it would in src/.
    const dir = mkdtempSync(join(PROJECT_ROOT, '.layers-probe-'));
    try {
      const file = (path: string, text: string) => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      file('src/commands/ask.ts', "import { a } from './a.ts';\nexport const ask = a;\n");
      file('src/commands/a.ts', "import { ask } from './ask.ts';\nexport const a = 1;\nexport const again = ask;\n");
      file('src/core/reply.ts', "import { ask } from '../commands/ask.ts';\nexport const reply = ask;\n");
      file('src/core/render.ts', "import { Client } from 'discord.js';\nexport const client = Client;\n");
      const { violations: found } = await check(dir, ['src']);
      expect(found).toContain('core-imports-upward: src/core/reply.ts → src/commands/ask.ts');
      expect(found.some((v) => v.startsWith('neutral-core-knows-no-platform: src/core/render.ts → ') && v.includes('discord.js'))).toBe(true);
      expect(found.some((v) => v.startsWith('no-cycles: src/commands/'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
