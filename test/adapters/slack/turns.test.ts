import { describe, expect, it } from 'vitest';
import { createTurns } from '../../../adapters/slack/turns.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createTurns', () => {
  it('GIVEN three turns on one message THEN each waits for the ones before it, and nothing is left once all are released', async () => {
    const turns = createTurns();
    const order: string[] = [];
    const [a, b, c] = [turns.take('m1'), turns.take('m1'), turns.take('m1')];
    void c.ready.then(() => order.push('c'));
    void b.ready.then(() => order.push('b'));
    void a.ready.then(() => order.push('a'));
    await tick();
    expect(order).toEqual(['a']);
    b.release(); // releasing out of turn does not let c skip a
    await tick();
    expect(order).toEqual(['a']);
    a.release();
    a.release();
    await tick();
    expect(order).toEqual(['a', 'b', 'c']);
    c.release();
    await tick();
    expect(turns.pending).toBe(0);
  });

  it('GIVEN turns on different messages THEN neither waits for the other', async () => {
    const turns = createTurns();
    const held = turns.take('m1');
    let otherReady = false;
    void turns.take('m2').ready.then(() => (otherReady = true));
    await tick();
    expect(otherReady).toBe(true);
    held.release();
  });
});
