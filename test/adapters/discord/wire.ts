/** What Discord receives, parsed strictly enough that a wrong shape fails the test. */
import { expect } from 'vitest';
import { z } from 'zod';
import type { Recorded } from '../../../loopback/discord/fake-discord.ts';

export const Embed = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  color: z.number().optional(),
  fields: z.array(z.object({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).optional(),
  footer: z.object({ text: z.string() }).optional(),
});
export type Embed = z.infer<typeof Embed>;

const Button = z.object({ type: z.literal(2), style: z.number(), label: z.string().optional(), custom_id: z.string() });
const Row = z.object({ type: z.literal(1), components: z.array(Button) });
export type Row = z.infer<typeof Row>;

export const MessageBody = z.object({
  content: z.string().optional(),
  embeds: z.array(Embed).optional(),
  components: z.array(Row).optional(),
  flags: z.number().optional(),
  allowed_mentions: z.looseObject({ parse: z.array(z.string()).optional() }).optional(),
});
export type MessageBody = z.infer<typeof MessageBody>;

export const Callback = z.object({
  type: z.number(),
  data: MessageBody.extend({
    choices: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  }).optional(),
});
export type Callback = z.infer<typeof Callback>;

export const InteractionResponseTypes = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;

export const EPHEMERAL = 64;

export function isCallback(r: Recorded): boolean {
  return r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);
}

export const callbackOf = (r: Recorded): Callback => Callback.parse(r.body);
export const messageOf = (r: Recorded): MessageBody => MessageBody.parse(r.body);

/** Bodies of every message-bearing request: callbacks with data, and webhook posts/edits. */
export function messagesIn(calls: Recorded[]): MessageBody[] {
  return calls.flatMap((c) => {
    if (isCallback(c)) {
      const { type, data } = callbackOf(c);
      return type === InteractionResponseTypes.ChannelMessageWithSource || type === InteractionResponseTypes.UpdateMessage ? [data ?? {}] : [];
    }
    return c.path.startsWith('/webhooks/') && (c.method === 'POST' || c.method === 'PATCH') ? [messageOf(c)] : [];
  });
}

/** Each call in short: `callback 4`, `POST /webhooks/{app}/{token}`… */
export const summary = (calls: Recorded[]): string[] =>
  calls.map((c) => (isCallback(c) ? `callback ${callbackOf(c).type}` : `${c.method} ${c.path.replace(/\/webhooks\/\d+\/[^/]+/, '/webhooks/{app}/{token}')}`));

/** Every limit Discord enforces on one message's embeds and buttons; [] when all hold. */
export function limitViolations(message: { embeds?: Embed[]; components?: Row[] }): string[] {
  const problems: string[] = [];
  const embeds = message.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embed ${i}`;
    if ((e.title?.length ?? 0) > 256) problems.push(`${at}: title ${e.title?.length}`);
    if ((e.description?.length ?? 0) > 4096) problems.push(`${at}: description ${e.description?.length}`);
    if ((e.footer?.text.length ?? 0) > 2048) problems.push(`${at}: footer`);
    const fields = e.fields ?? [];
    if (fields.length > 25) problems.push(`${at}: ${fields.length} fields`);
    for (const f of fields) {
      if (f.name.length === 0 || f.name.length > 256) problems.push(`${at}: field name ${f.name.length}`);
      if (f.value.length === 0 || f.value.length > 1024) problems.push(`${at}: field value ${f.value.length}`);
    }
    if (!e.title && !e.description && fields.length === 0) problems.push(`${at}: empty`);
    total +=
      (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  });
  if (total > 6000) problems.push(`${total} characters in the message's embeds`);
  const rows = message.components ?? [];
  if (rows.length > 5) problems.push(`${rows.length} rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.components.length > 5) problems.push(`${row.components.length} buttons in a row`);
    for (const b of row.components) {
      if (b.custom_id.length > 100) problems.push(`custom id ${b.custom_id.length}`);
      if (!b.label || b.label.length > 80) problems.push(`label ${b.label?.length ?? 0}`);
      if (ids.has(b.custom_id)) problems.push(`duplicate custom id ${b.custom_id}`);
      ids.add(b.custom_id);
    }
  }
  return problems;
}

/** Undoes escapeMarkdown so rendered text can be compared with the plain text it came from. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_`~|>#\-.[\]()])/g, '$1');
}

/** All visible words of a sequence of messages, in reading order. */
export function renderedWords(messages: { embeds?: Embed[] }[]): string[] {
  const text = messages
    .flatMap((m) => m.embeds ?? [])
    .flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])
    .join('\n');
  return unescapeMarkdown(text)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** True when `needle` occurs as a contiguous run in `haystack` (so no word was cut or dropped). */
export function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** The one message an interaction got back, checked against Discord's limits and with mentions off. */
export function onlyMessage(calls: Recorded[]): MessageBody {
  const messages = messagesIn(calls);
  expect(messages).toHaveLength(1);
  const [message] = messages;
  expect(message!.allowed_mentions).toEqual({ parse: [] });
  expect(limitViolations(message!)).toEqual([]);
  return message!;
}
