/**
 * Two Node processes on one PostgreSQL, each with its own pool: claiming the same slots at the
 * same moment, each slot is claimed once; a claimant killed with -9 while holding its leases has
 * every slot taken over exactly once after the leases end, by one of two survivors.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { PostgresStateStore } from '../../src/store/postgres.ts';
import { createDatabase, dropDatabase, PG_URL, withDatabase } from './backends.ts';
import { DAILY, SPACE, WHERE } from './fixtures.ts';

const WORKER = fileURLToPath(new URL('./claim-process.ts', import.meta.url));
const HOUR = 3_600_000;

interface Result {
  owner: string;
  claimed: { slot: number; how: 'new' | 'takeover' }[];
}

function claimant(url: string, owner: string, scheduleId: number, slots: number[], startAt: number, leaseMs: number, mode = '') {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, owner, String(scheduleId), slots.join(','), String(startAt), String(leaseMs), mode], {
    cwd: PROJECT_ROOT,
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  const result = new Promise<Result>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as Result);
    });
    child.once('exit', (code) => reject(new Error(`claimant ${owner} exited ${code} before reporting: ${err}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, result, exited };
}

describe.skipIf(!PG_URL)('two processes on one PostgreSQL', () => {
  let name = '';
  let url = '';
  let store: PostgresStateStore;
  beforeAll(async () => {
    name = await createDatabase(PG_URL!, 'processes');
    url = withDatabase(PG_URL!, name);
    store = new PostgresStateStore(url);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await dropDatabase(PG_URL!, name);
  });

  async function schedule(channel: string): Promise<number> {
    const r = await store.addSchedule({ space: SPACE, where: { ...WHERE, channel }, spec: DAILY, createdBy: 'test', now: 0 });
    if ('error' in r) throw new Error(r.error);
    return r.id;
  }

  it('GIVEN two processes claiming the same 60 slots at the same moment THEN each slot is claimed by exactly one, and posted once', async () => {
    const id = await schedule('p-race');
    const slots = Array.from({ length: 60 }, (_, i) => i * HOUR);
    // Both start together, well after both have loaded.
    const startAt = Date.now() + 4000;
    const [a, b] = await Promise.all(['A', 'B'].map((o) => claimant(url, o, id, slots, startAt, 60_000).result));
    const all = [...a!.claimed, ...b!.claimed];
    expect(all.map((c) => c.slot).sort((x, y) => x - y)).toEqual(slots);
    expect(all.every((c) => c.how === 'new')).toBe(true);
    for (const slot of slots) await expect.poll(() => store.slotState(id, slot).then((s) => s?.outcome)).toBe('posted');
  }, 60_000);

  it('GIVEN a claimant killed with -9 holding 20 leases THEN after the leases end two survivors take each slot over exactly once', async () => {
    const id = await schedule('p-kill');
    const slots = Array.from({ length: 20 }, (_, i) => i * HOUR);
    const lease = 1500;
    const doomed = claimant(url, 'doomed', id, slots, Date.now(), lease, 'hang');
    expect((await doomed.result).claimed).toHaveLength(20);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    for (const slot of slots) expect(await store.slotState(id, slot)).toMatchObject({ owner: 'doomed', outcome: null });
    const startAt = Date.now() + lease + 2500;
    const [c, d] = await Promise.all(['C', 'D'].map((o) => claimant(url, o, id, slots, startAt, 60_000).result));
    const all = [...c!.claimed, ...d!.claimed];
    expect(all.map((x) => x.slot).sort((x, y) => x - y)).toEqual(slots);
    expect(all.every((x) => x.how === 'takeover')).toBe(true);
    for (const slot of slots) await expect.poll(() => store.slotState(id, slot)).toMatchObject({ attempts: 2, outcome: 'posted' });
  }, 60_000);
});
