/**
 * A claimant process for the two-process test: its own PostgreSQL store (its own pool), claiming
 * the given slots of one schedule on the real clock, starting at a set moment so two processes
 * collide. Prints one JSON line: the slots it claimed and how. With `hang`, it then waits to be
 * killed (kill -9) holding its leases; otherwise it records each claimed slot as posted.
 */
import { PostgresStateStore } from '../../src/store/postgres.ts';

const [url, owner, scheduleArg, slotsArg, startArg, leaseArg, mode] = process.argv.slice(2);
const scheduleId = Number(scheduleArg);
const slots = slotsArg!.split(',').map(Number);
const store = new PostgresStateStore(url!);
const wait = Number(startArg) - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));

const claimed: { slot: number; how: string }[] = [];
await Promise.all(
  slots.map(async (slot) => {
    const how = await store.claimSlot({ scheduleId, slot, owner: owner!, at: Date.now(), leaseMs: Number(leaseArg) });
    if (how) claimed.push({ slot, how });
  }),
);
process.stdout.write(`${JSON.stringify({ owner, claimed })}\n`);
if (mode === 'hang') {
  await new Promise(() => setInterval(() => {}, 1000));
} else {
  for (const { slot } of claimed) await store.finishSlot(scheduleId, slot, 'posted', Date.now(), null);
  await store.close();
}
