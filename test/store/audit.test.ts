/**
 * Store contract: a moderator change and its audit entry are written in one transaction. A change
 * that fails part-way leaves neither the change nor the entry; simultaneous changes through two
 * stores each get their own entry, numbered without gaps — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/store/types.ts';
import { backends } from './backends.ts';
import { ACTOR, T0 } from './fixtures.ts';

const hidden = (passage: string) => ({ type: 'hidden' as const, passage });
const hiddenState = (reason: string | null, at = T0) => ({ reason, by: ACTOR, at });

describe.each(backends('audit'))('$name store: audited changes', (b) => {
  let a: StateStore;
  let other: StateStore;

  beforeAll(async () => {
    await b.setup();
    a = await b.open();
    other = await b.open();
  });
  afterAll(() => b.teardown());

  it('GIVEN a passage hidden THEN the change and its entry (before, after read back) are stored together', async () => {
    const space = 'discord:hide';
    const entry = await a.commitAudited({
      space,
      actor: ACTOR,
      at: T0,
      action: 'hide',
      summary: 'Hid conq-0001',
      changes: [{ target: hidden('conq-0001'), after: hiddenState('off topic') }],
    });
    expect(entry).toMatchObject({ seq: 1, action: 'hide', before: [null], after: [hiddenState('off topic')], undoes: null, undoneBy: null });
    expect(await other.hidden(space, 'conq-0001')).toEqual(hiddenState('off topic'));
    expect(await other.auditLog(space)).toEqual([entry]);
  });

  it('GIVEN a moderator role set, then removed THEN both are logged with their before and after states', async () => {
    const space = 'discord:roles';
    const role = { type: 'modrole' as const, role: '123' };
    await a.commitAudited({
      space,
      actor: ACTOR,
      at: T0,
      action: 'config.modrole',
      summary: 'Added role 123',
      changes: [{ target: role, after: { by: ACTOR, at: T0 } }],
    });
    expect(await other.modRoles(space)).toEqual(['123']);
    await other.commitAudited({
      space,
      actor: ACTOR,
      at: T0 + 1,
      action: 'config.modrole',
      summary: 'Removed role 123',
      changes: [{ target: role, after: null }],
    });
    expect(await a.modRoles(space)).toEqual([]);
    const log = await a.auditLog(space);
    expect(log.map((e) => [e.seq, e.before, e.after])).toEqual([
      [1, [null], [{ by: ACTOR, at: T0 }]],
      [2, [{ by: ACTOR, at: T0 }], [null]],
    ]);
  });

  it('GIVEN a change whose second part is malformed, after its first part was written THEN neither part nor any entry is stored', async () => {
    const space = 'discord:fail';
    await a.commitAudited({
      space,
      actor: ACTOR,
      at: T0,
      action: 'hide',
      summary: 'Hid p-keep',
      changes: [{ target: hidden('p-keep'), after: hiddenState(null) }],
    });
    await expect(
      a.commitAudited({
        space,
        actor: ACTOR,
        at: T0 + 1,
        action: 'hide',
        summary: 'Hid two, one malformed',
        changes: [
          { target: hidden('p-new'), after: hiddenState('first') },
          { target: hidden('p-keep'), after: { reason: 42 } },
        ],
      }),
    ).rejects.toThrow();
    expect(await other.hidden(space, 'p-new')).toBeNull();
    expect(await other.hidden(space, 'p-keep')).toEqual(hiddenState(null));
    expect((await other.auditLog(space)).map((e) => e.summary)).toEqual(['Hid p-keep']);
  });

  it('GIVEN 24 changes at once through two stores THEN each has its own entry, numbered 1…24, matching what is stored', async () => {
    const space = 'discord:race';
    const entries = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? other : a).commitAudited({
          space,
          actor: ACTOR,
          at: T0 + i,
          action: 'hide',
          summary: `Hid p-${i}`,
          changes: [{ target: hidden(`p-${i}`), after: hiddenState(`r${i}`, T0 + i) }],
        }),
      ),
    );
    expect(entries.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const log = await a.auditLog(space);
    expect(log).toHaveLength(24);
    for (const e of log) {
      const t = e.targets[0] as { passage: string };
      expect(await other.hidden(space, t.passage)).toEqual(e.after[0]);
    }
  });

  it('GIVEN the same passage hidden with different reasons at once THEN each entry’s before is the previous entry’s after (no lost update)', async () => {
    const space = 'discord:same';
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : a).commitAudited({
          space,
          actor: ACTOR,
          at: T0 + i,
          action: 'hide',
          summary: `reason ${i}`,
          changes: [{ target: hidden('p-same'), after: hiddenState(`r${i}`, T0 + i) }],
        }),
      ),
    );
    const log = await a.auditLog(space);
    expect(log[0]!.before).toEqual([null]);
    for (let i = 1; i < log.length; i++) expect(log[i]!.before).toEqual(log[i - 1]!.after);
    expect(await other.hidden(space, 'p-same')).toEqual(log.at(-1)!.after[0]);
  });
});
