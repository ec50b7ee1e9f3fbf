/**
 * A command's typed values (Discord's options) and the same request typed as text (Slack, the
 * console, buttons) give the command the same arguments, with the same messages for bad input.
 */
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/app/registry.ts';
import { parseArgs } from '../../src/app/parse-args.ts';
import type { Request } from '../../src/core/request.ts';
import type { TypedArgs } from '../../src/core/typed-args.ts';

const base = { user: { id: 'u', name: 'u', isAdmin: true, groups: [] }, where: { platform: 'discord' as const, space: 's', channel: 'c' } };

function both(command: string, text: string, typed: TypedArgs) {
  const c = findCommand(command)!;
  const fromText = parseArgs(c, { ...base, command, args: text } satisfies Request);
  const fromTyped = parseArgs(c, { ...base, command, args: '', typed } satisfies Request);
  return { fromText, fromTyped };
}

describe('typed values and text give the same arguments', () => {
  it.each([
    ['quiz', 'Great Terror 3', { sub: 'start', values: { topic: 'Great Terror', count: 3 } }],
    ['quiz', '', { sub: 'start', values: {} }],
    ['quiz', 'close #12', { sub: 'close', values: { question: 12 } }],
    ['quiz', 'schedule 08:00 tz=Europe/Prague count=2', { sub: 'schedule add', values: { time: '08:00', timezone: 'Europe/Prague', count: 2 } }],
    ['quiz', 'schedule remove 4', { sub: 'schedule remove', values: { schedule: 4 } }],
    ['quiz', 'settings close=90', { sub: 'settings', values: { close: 90 } }],
    ['review', 'hide 3 rei-mcms9', { sub: 'hide', values: { report: 3, passage: 'rei-mcms9' } }],
    ['review', 'quiz approval on', { sub: 'quiz approval', values: { state: 'on' } }],
    [
      'review',
      'quiz add Who headed the NKVD from 1936? | Yezhov; Yagoda; Beria | 1 | rei-mcms9',
      { sub: 'quiz add', values: { question: 'Who headed the NKVD from 1936?', options: 'Yezhov; Yagoda; Beria', answer: 1, passage: 'rei-mcms9' } },
    ],
    ['review', 'quiz edit qAbc123 | answer: 2 | note: See Reiman', { sub: 'quiz edit', values: { question: 'qAbc123', answer: '2', note: 'See Reiman' } }],
    ['curate', 'note who Yezhov | Compare both', { sub: 'note', values: { request: 'who Yezhov', note: 'Compare both' } }],
    ['cite', 'rei-mcms9 mla', { sub: null, values: { id: 'rei-mcms9', style: 'mla' } }],
    ['hide', 'rei-mcms9 | misattributed', { sub: null, values: { passage: 'rei-mcms9', reason: 'misattributed' } }],
    ['sourcenote', 'clear reiman-2016', { sub: 'clear', values: { source: 'reiman-2016' } }],
    ['sourcebook', 'config modrole remove 1298765432109876702', { sub: 'config modrole', values: { role: '1298765432109876702', action: 'remove' } }],
    ['report', 'who Yezhov | dates', { sub: null, values: { answer: 'who Yezhov', reason: 'dates' } }],
    // Text that uses Discord's subcommand names is understood too.
    ['quiz', 'start Great Terror 3', { sub: 'start', values: { topic: 'Great Terror', count: 3 } }],
    ['quiz', 'schedule add 08:00 tz=Europe/Prague', { sub: 'schedule add', values: { time: '08:00', timezone: 'Europe/Prague' } }],
    ['sourcebook', 'config show', { sub: 'config show', values: {} }],
    ['sourcenote', 'set reiman-2016 | Read with care', { sub: 'set', values: { source: 'reiman-2016', note: 'Read with care' } }],
    ['review', 'reports', { sub: 'reports', values: {} }],
  ] as const)('GIVEN /%s “%s” THEN the typed form parses to the same arguments', (command, text, typed) => {
    const { fromText, fromTyped } = both(command, text, typed as TypedArgs);
    expect(fromText.success).toBe(true);
    expect(fromTyped).toEqual(fromText);
  });

  it.each([
    ['quiz', 'settings close=0', { sub: 'settings', values: { close: 0 } }, '1 to 10080'],
    ['cite', 'rei-mcms9 harvard', { sub: null, values: { id: 'rei-mcms9', style: 'harvard' } }, '“harvard” is not a style'],
    [
      'review',
      'quiz add Q? | A | 1 | rei-mcms9',
      { sub: 'quiz add', values: { question: 'Who headed it?', options: 'A', answer: 1, passage: 'rei-mcms9' } },
      'two to five options',
    ],
    ['curate', 'pin ask | x | rei-mcms9', { sub: 'pin', values: { request: 'ask', answer: 'x', passages: 'rei-mcms9' } }, '/ask:'],
  ] as const)('GIVEN bad /%s input THEN text and typed forms both refuse it with the message naming the problem', (command, text, typed, message) => {
    const { fromText, fromTyped } = both(command, text, typed as TypedArgs);
    expect(fromText.success).toBe(false);
    expect(fromTyped.success).toBe(false);
    if (!fromTyped.success) expect(fromTyped.message).toContain(message);
  });

  it('GIVEN a typed request for a subcommand the command does not have THEN a short message, not an exception', () => {
    const r = both('quiz', 'stats', { sub: 'launch', values: {} }).fromTyped;
    expect(r).toEqual({ success: false, message: 'Unknown subcommand “launch”. Try /help.' });
  });

  it('GIVEN typed text with control characters THEN it is cleaned as typed text is', () => {
    const { fromTyped } = both('who', '', { sub: null, values: { name: 'Ye\u0000zhov\u200b ' } });
    expect(fromTyped).toEqual({ success: true, data: 'Ye zhov' });
  });
});
