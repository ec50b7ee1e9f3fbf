/**
 * /check through the real discord.js Client, only the network faked: the labels and quotes arrive in
 * embeds within Discord's limits, mentions off, with a button to the next page; bad input gets a
 * private error.
 */
import { describe, expect, test } from 'vitest';
import { corpusHarness } from './corpus-harness.ts';
import { slash } from './payloads.ts';
import { EPHEMERAL, onlyMessage, unescapeMarkdown } from './wire.ts';

const t = corpusHarness();

const textOf = (m: { embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[] }) =>
  unescapeMarkdown((m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]).join('\n'));

describe('GIVEN /check on Discord', () => {
  test('WHEN a member checks “700,000 people were executed in 1937-38” THEN one message: Sourcebook’s labels with their basis, Emelyanov’s 681,692 quoted, a next-page button', async () => {
    const calls = await t.h.deliver(slash('check', { claim: '700,000 people were executed in 1937-38' }));
    const m = onlyMessage(calls);
    expect(m.flags ?? 0).not.toBe(EPHEMERAL);
    const text = textOf(m);
    expect(text).toContain('Check: 700,000 people were executed in 1937-38');
    expect(text).toContain('different figure for the same count in 1937-38: 681,692 (Emelyanov) vs 700,000 (the claim)');
    expect(text).toContain('In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.');
    const labels = (m.components ?? []).flatMap((r) => r.components.map((c) => c.label));
    expect(labels.some((l) => l?.startsWith('More ›'))).toBe(true);
  });

  test('WHEN a member checks search syntax only THEN a private, short error and nothing else', async () => {
    const calls = await t.h.deliver(slash('check', { claim: '" * ( ) AND NEAR' }));
    const m = onlyMessage(calls);
    expect(m.flags).toBe(EPHEMERAL);
    expect(textOf(m)).toContain('Give a claim in words');
  });
});
