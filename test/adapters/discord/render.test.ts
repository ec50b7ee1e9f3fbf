import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderReply } from '../../../adapters/discord/render.ts';
import { errorReply, reply, type Action, type Block, type Reply } from '../../../src/core/reply.ts';
import { createFakeBot, EMELYANOV_PARAGRAPHS, GOBLE, MENTION_TEXT, REIMAN } from '../../../loopback/discord/fake-bot.ts';
import { containsRun, limitViolations, renderedWords, unescapeMarkdown, wordsOf } from './wire.ts';

const bot = createFakeBot();
const where = { platform: 'discord' as const, space: 'g', channel: 'c' };
const user = { id: 'u', name: 'Olga', isAdmin: false, groups: [] };
const ask = (command: string): Promise<Reply> => bot.handle({ command, args: '', user, where });

const quoteOf = (text: string, attribution: string, passage: string): Reply =>
  reply({
    title: 'A passage',
    blocks: [{ type: 'quote', text, attribution, citation: 0 }],
    citations: [{ passage, source: 's', quote: text, where: '', attribution }],
  });

const description = (r: Reply): string => renderReply(r).messages[0]!.embeds[0]!.description ?? '';

describe('quotes', () => {
  test('GIVEN a Reiman quote THEN it is a block quote followed by "— attribution · `passage`"', () => {
    const text = description(quoteOf(REIMAN.quote, REIMAN.attribution, REIMAN.passage));
    expect(text).toBe(`> ${REIMAN.quote}\n— Reiman (2016, ch. 6, pp. 101–112) · \`rei-4k9x2\``);
  });

  test('GIVEN a quote over several lines THEN every line stays inside the block quote', () => {
    const text = description(
      quoteOf('GJ – So even the minor success was associated with Kirov’s personality?\n\nSM – Yes!', 'Maskharashvili (interview)', 'mas-3p1q'),
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['> GJ – So even the minor success was associated with Kirov’s personality?', '>', '> SM – Yes!']);
    expect(lines[3]).toBe('— Maskharashvili (interview) · `mas-3p1q`');
  });

  test('GIVEN quoted text with markdown and a leading ">" THEN it cannot break out of the quote', () => {
    const text = description(quoteOf('*Pravda*, 8.6.1935\n> **bold** `code`', 'Reiman (2016)', 'rei-1'));
    expect(text.split('\n').slice(0, 2)).toEqual(['> \\*Pravda\\*, 8.6.1935', '> \\> \\*\\*bold\\*\\* \\`code\\`']);
  });
});

describe('mentions', () => {
  test('GIVEN corpus text with @everyone, <@123>, <@&456> and <!channel> THEN every message disables mentions and the text is kept', async () => {
    const { messages } = renderReply(await ask('mentions'));
    for (const m of messages) expect(m.allowedMentions).toEqual({ parse: [] });
    const all = messages.flatMap((m) => m.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)).join('\n');
    for (const token of ['@everyone', '<@123>', '<@&456>', '<!channel>']) expect(all).toContain(token);
    expect(unescapeMarkdown(all)).toContain(MENTION_TEXT);
  });

  test('GIVEN a long reply split into several messages THEN each one disables mentions', async () => {
    const { messages } = renderReply(await ask('long'));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.allowedMentions.parse.length === 0)).toBe(true);
  });
});

describe('escaping', () => {
  test('GIVEN corpus paragraphs with *italic* markup THEN no unescaped markdown reaches Discord', () => {
    const withMarkup = EMELYANOV_PARAGRAPHS.find((p) => p.includes('*'))!;
    const text = description(reply({ title: 'x', blocks: [{ type: 'paragraph', text: withMarkup }] }));
    expect(text).not.toMatch(/(?<!\\)\*/);
    expect(unescapeMarkdown(text)).toBe(withMarkup.replace(/\s+/g, ' '));
  });

  test('GIVEN a title with markdown THEN it is escaped too', () => {
    const { messages } = renderReply(reply({ title: 'On *Comrade Stalin* (2006)' }));
    expect(messages[0]!.embeds[0]!.title).toBe('On \\*Comrade Stalin\\* (2006)');
  });
});

describe('limits and splitting', () => {
  test('GIVEN the long survey (> 7000 characters) THEN it spans several messages, each within every limit', async () => {
    const long = await ask('long');
    const size = long.blocks.reduce((n, b) => n + (b.type === 'paragraph' ? b.text.length : 0), 0);
    expect(size).toBeGreaterThan(7000);
    const { messages } = renderReply(long);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
  });

  test('GIVEN the long survey THEN putting the pieces back together gives every paragraph whole, in order', async () => {
    const long = await ask('long');
    const words = renderedWords(renderReply(long).messages);
    const paragraphs = long.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs[0]!.length).toBeGreaterThan(4096);
    for (const paragraph of paragraphs) expect(containsRun(words, wordsOf(paragraph))).toBe(true);
    expect(containsRun(words, paragraphs.flatMap(wordsOf))).toBe(true);
  });

  test('GIVEN a paged reply THEN the page shows in the last footer and the buttons on the last message only', async () => {
    const { messages } = renderReply(await ask('long'));
    expect(messages.at(-1)!.embeds.at(-1)!.footer).toEqual({ text: 'Page 1 of 3' });
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components[0]!.components.map((b) => b.custom_id)).toEqual(['sb:page:long:2']);
  });

  test('GIVEN 60 fields with long values THEN at most 25 per embed and long values continue in further fields', () => {
    const value = EMELYANOV_PARAGRAPHS.slice(2, 4).join(' ');
    expect(value.length).toBeGreaterThan(1024);
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Passage ${i + 1}`, value: i % 10 === 0 ? value : 'Goble (2019)' }));
    const { messages } = renderReply(reply({ title: 'Index', blocks: [{ type: 'fields', fields }] }));
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    const rendered = messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? []);
    expect(rendered.filter((f) => f.name.startsWith('Passage'))).toHaveLength(60);
    const first = rendered.findIndex((f) => f.name === 'Passage 1');
    const continued = [rendered[first]!.value];
    for (let i = first + 1; rendered[i]?.name === '\u200b'; i++) continued.push(rendered[i]!.value);
    expect(continued.length).toBeGreaterThan(1);
    expect(wordsOf(unescapeMarkdown(continued.join(' ')))).toEqual(wordsOf(value));
  });

  test('GIVEN text after fields THEN it goes in a later embed so the reading order is kept', () => {
    const { messages } = renderReply(
      reply({
        title: 'Figures',
        blocks: [
          { type: 'paragraph', text: 'Before.' },
          { type: 'fields', fields: [{ label: 'Arrests in 1937–38', value: '116,885 party members' }] },
          { type: 'paragraph', text: 'After.' },
        ],
      }),
    );
    const embeds = messages[0]!.embeds;
    expect(embeds.map((e) => [e.description, e.fields?.length ?? 0])).toEqual([
      ['Before.', 1],
      ['After.', 0],
    ]);
  });

  test('GIVEN a 300-character title THEN it is shortened at a word boundary within 256', () => {
    const title = `${EMELYANOV_PARAGRAPHS[0]!.slice(0, 300)}`;
    const rendered = renderReply(reply({ title })).messages[0]!.embeds[0]!.title!;
    expect(rendered.length).toBeLessThanOrEqual(256);
    expect(rendered.endsWith('…')).toBe(true);
    expect(title.startsWith(rendered.slice(0, -1))).toBe(true);
    expect(title[rendered.length - 1]).toMatch(/\s/);
  });

  test('GIVEN an empty reply THEN the embed still has something to show', () => {
    const { messages } = renderReply(reply({ title: '' }));
    expect(messages).toHaveLength(1);
    expect(limitViolations(messages[0]!)).toEqual([]);
  });

  test('GIVEN any mix of blocks and words THEN every message is within the limits and no word is cut', () => {
    const word = fc.oneof(
      fc.constantFrom('Stalin', 'Kirov', '*Pravda*', '__x__', '1937–38', '@everyone', '<@123>', '`code`', '—', '>'),
      fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/\s/g, '') || 'a'),
    );
    const text = fc.array(word, { minLength: 1, maxLength: 1500 }).map((w) => w.join(' '));
    const block: fc.Arbitrary<Block> = fc.oneof(
      text.map((t) => ({ type: 'paragraph' as const, text: t })),
      text.map((t) => ({ type: 'quote' as const, text: t, attribution: 'Goble (2019)', citation: 0 })),
      fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => ({ type: 'list' as const, items })),
      fc
        .array(fc.record({ label: fc.constantFrom('Arrests', 'Year', ''), value: text }), { minLength: 1, maxLength: 30 })
        .map((fields) => ({ type: 'fields' as const, fields })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        const r = reply({ title: 'Random', blocks, citations: [GOBLE] });
        const { messages } = renderReply(r);
        for (const m of messages) expect(limitViolations(m)).toEqual([]);
        const words = renderedWords(messages);
        for (const b of blocks) {
          if (b.type === 'paragraph') expect(containsRun(words, wordsOf(b.text))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('buttons', () => {
  const actions = (n: number): Action[] => Array.from({ length: n }, (_, i) => ({ id: `more:${i}`, label: `Passage ${i}` }));

  test('GIVEN 30 actions THEN 25 buttons in 5 rows of 5 and the rest reported as dropped', () => {
    const { messages, droppedActions } = renderReply(reply({ title: 'x', actions: actions(30) }));
    const rows = messages[0]!.components;
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(droppedActions.map((a) => a.id)).toEqual(['more:25', 'more:26', 'more:27', 'more:28', 'more:29']);
    expect(limitViolations(messages[0]!)).toEqual([]);
  });

  test('GIVEN a 90-character action id THEN the custom id is the prefix plus the id and fits in 100', () => {
    const id = `page:${'a'.repeat(85)}`;
    const { messages } = renderReply(reply({ title: 'x', actions: [{ id, label: 'More', style: 'primary' }] }));
    const button = messages[0]!.components[0]!.components[0]!;
    expect(button.custom_id).toBe(`sb:${id}`);
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    expect(button.style).toBe(1);
  });

  test('GIVEN a duplicate or over-long action id THEN it is left out instead of breaking the message', () => {
    const { messages, droppedActions } = renderReply(
      reply({
        title: 'x',
        actions: [
          { id: 'cite:gob-7h2k', label: 'Cite' },
          { id: 'cite:gob-7h2k', label: 'Cite again' },
          { id: 'x'.repeat(120), label: 'Too long' },
        ],
      }),
    );
    expect(messages[0]!.components.flatMap((r) => r.components).map((b) => b.label)).toEqual(['Cite']);
    expect(droppedActions.map((a) => a.label)).toEqual(['Cite again', 'Too long']);
  });
});

describe('visibility and kind', () => {
  test('GIVEN an error reply THEN every message is ephemeral and coloured as an error', () => {
    const { messages } = renderReply(errorReply('Unknown source', 'No source called “Trotsky1937”.'));
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    expect(messages[0]!.embeds[0]!.color).toBe(0xed4245);
  });

  test('GIVEN an answer THEN it is for the channel', async () => {
    const { messages } = renderReply(await ask('quote'));
    expect(messages.every((m) => !m.ephemeral)).toBe(true);
  });
});
