/**
 * Store contract: scheduled slot claims with a lease. A slot is claimed by one claimant; after its
 * lease ends without an outcome it is taken over by exactly one other; a finished slot is never
 * claimed again; a slot that killed MAX_ATTEMPTS posters is given up — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAVE_UP, MAX_ATTEMPTS } from '../../src/quiz/slot-claims.ts';
import type { StateStore } from '../../src/store/types.ts';
import { backends } from './backends.ts';
import { DAILY, SPACE, T0, WHERE } from './fixtures.ts';

const LEASE = 60_000;
const HOUR = 3_600_000;

describe.each(backends('slots'))('$name store: slot claims', (b) => {
  let a: StateStore;
  let other: StateStore;

  beforeAll(async () => {
    await b.setup();
    a = await b.open();
    other = await b.open();
  });
  afterAll(() => b.teardown());

  async function schedule(channel: string): Promise<number> {
    const r = await a.addSchedule({ space: SPACE, where: { ...WHERE, channel }, spec: DAILY, createdBy: 'test', now: T0 });
    if ('error' in r) throw new Error(r.error);
    return r.id;
  }

  it('GIVEN a claimed slot THEN another claimant gets nothing until the lease ends, then takes it over once; a posted slot stays posted', async () => {
    const id = await schedule('c-basic');
    const claim = (s: StateStore, owner: string, at: number) => s.claimSlot({ scheduleId: id, slot: T0, owner, at, leaseMs: LEASE });
    expect(await claim(a, 'A', T0)).toBe('new');
    expect(await claim(other, 'B', T0 + LEASE - 1)).toBeNull();
    expect(await claim(other, 'B', T0 + LEASE)).toBe('takeover');
    expect(await a.slotState(id, T0)).toMatchObject({ owner: 'B', attempts: 2, outcome: null, leaseUntil: T0 + 2 * LEASE });
    await other.finishSlot(id, T0, 'posted', T0 + LEASE + 5, null);
    expect(await claim(a, 'A', T0 + 10 * LEASE)).toBeNull();
    expect(await a.slotState(id, T0)).toMatchObject({ owner: 'B', outcome: 'posted', leaseUntil: null });
  });

  it(`GIVEN a slot whose posters die ${MAX_ATTEMPTS} times THEN it is given up as failed, with why`, async () => {
    const id = await schedule('c-giveup');
    for (let i = 0; i < MAX_ATTEMPTS; i++)
      expect(await (i % 2 ? other : a).claimSlot({ scheduleId: id, slot: T0, owner: `o${i}`, at: T0 + i * LEASE, leaseMs: LEASE })).toBe(
        i ? 'takeover' : 'new',
      );
    expect(await a.claimSlot({ scheduleId: id, slot: T0, owner: 'late', at: T0 + MAX_ATTEMPTS * LEASE, leaseMs: LEASE })).toBeNull();
    expect(await other.slotState(id, T0)).toMatchObject({ outcome: 'failed', error: GAVE_UP, attempts: MAX_ATTEMPTS });
  });

  it('GIVEN an unknown schedule THEN nothing is claimed', async () => {
    expect(await a.claimSlot({ scheduleId: 999_999, slot: T0, owner: 'A', at: T0, leaseMs: LEASE })).toBeNull();
    expect(await a.slotState(999_999, T0)).toBeNull();
  });

  it('GIVEN two stores claiming the same 40 slots at once, twice over THEN each slot is claimed exactly once', async () => {
    const id = await schedule('c-race');
    const slots = Array.from({ length: 40 }, (_, i) => T0 + i * HOUR);
    const attempts = slots.flatMap((slot) =>
      [a, other, a, other].map((s, k) => s.claimSlot({ scheduleId: id, slot, owner: `claimant-${k}`, at: slot, leaseMs: LEASE }).then((c) => ({ slot, c }))),
    );
    const results = await Promise.all(attempts);
    for (const slot of slots) {
      const mine = results.filter((r) => r.slot === slot);
      expect(mine.filter((r) => r.c === 'new')).toHaveLength(1);
      expect(mine.filter((r) => r.c !== 'new').every((r) => r.c === null)).toBe(true);
    }
  });

  it('GIVEN an expired lease and 20 claimants at once over two stores THEN exactly one takes it over', async () => {
    const id = await schedule('c-takeover');
    expect(await a.claimSlot({ scheduleId: id, slot: T0, owner: 'dead', at: T0, leaseMs: LEASE })).toBe('new');
    const at = T0 + LEASE + 1;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : a).claimSlot({ scheduleId: id, slot: T0, owner: `heir-${i}`, at, leaseMs: LEASE })),
    );
    expect(results.filter((r) => r === 'takeover')).toHaveLength(1);
    expect(results.filter((r) => r !== 'takeover').every((r) => r === null)).toBe(true);
    expect(await a.slotState(id, T0)).toMatchObject({ attempts: 2, outcome: null });
  });
});
