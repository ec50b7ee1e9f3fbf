/** What a posted Slack message looks like, parsed (not cast), and Slack's limits checked on it. */
import { z } from 'zod';

const textObject = z.object({ type: z.enum(['mrkdwn', 'plain_text']), text: z.string() });
const button = z.object({
  type: z.literal('button'),
  action_id: z.string(),
  value: z.string(),
  text: textObject,
  style: z.enum(['primary', 'danger']).optional(),
});
const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: textObject }),
  z.object({ type: z.literal('section'), text: textObject.optional(), fields: z.array(textObject).optional() }),
  z.object({ type: z.literal('context'), elements: z.array(textObject) }),
  z.object({ type: z.literal('actions'), elements: z.array(button) }),
  z.object({ type: z.literal('divider') }),
  z.object({ type: z.literal('image'), slack_file: z.object({ id: z.string() }), alt_text: z.string() }),
]);

export const postedMessage = z.object({
  text: z.string(),
  blocks: z.array(block),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: z.boolean().optional(),
});
export type PostedMessage = z.infer<typeof postedMessage>;
export type PostedBlock = z.infer<typeof block>;

export function parseMessage(value: unknown): PostedMessage {
  return postedMessage.parse(value);
}

/** Every mrkdwn string in the message, the fallback `text` included. */
export function mrkdwnTexts(msg: PostedMessage): string[] {
  const out = [msg.text];
  for (const b of msg.blocks) {
    const objects = b.type === 'section' ? [b.text, ...(b.fields ?? [])] : b.type === 'context' ? b.elements : [];
    for (const t of objects) if (t && t.type === 'mrkdwn') out.push(t.text);
  }
  return out;
}

/** Slack's documented limits; an empty list means the message is valid. */
export function limitViolations(msg: PostedMessage): string[] {
  const bad: string[] = [];
  if (!msg.text.trim()) bad.push('empty fallback text');
  if (msg.blocks.length === 0 || msg.blocks.length > 50) bad.push(`${msg.blocks.length} blocks`);
  const actionIds = new Set<string>();
  for (const [i, b] of msg.blocks.entries()) {
    if (b.type === 'header' && (b.text.type !== 'plain_text' || b.text.text.length > 150)) bad.push(`header ${i}`);
    if (b.type === 'section') {
      if (!b.text && !b.fields) bad.push(`section ${i} has neither text nor fields`);
      if (b.text && b.text.text.length > 3000) bad.push(`section ${i}: ${b.text.text.length} chars`);
      if (b.fields && (b.fields.length > 10 || b.fields.some((f) => f.text.length > 2000))) bad.push(`fields ${i}`);
    }
    if (b.type === 'context' && (b.elements.length > 10 || b.elements.some((e) => e.text.length > 3000))) bad.push(`context ${i}`);
    if (b.type === 'actions') {
      if (b.elements.length > 5) bad.push(`actions ${i}: ${b.elements.length} buttons`);
      for (const e of b.elements) {
        if (e.text.text.length > 75 || e.text.text.length === 0) bad.push(`button text ${e.action_id}`);
        if (e.value.length > 2000) bad.push(`button value ${e.action_id}`);
        if (actionIds.has(e.action_id)) bad.push(`duplicate action_id ${e.action_id}`);
        actionIds.add(e.action_id);
      }
    }
  }
  return bad;
}

/** Undoes our escaping and quote markers, to compare the words a reader sees with the source. */
export function visibleWords(texts: string[]): string[] {
  return texts
    .join('\n')
    .replace(/^&gt; ?/gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
