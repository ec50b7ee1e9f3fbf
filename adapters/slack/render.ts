/**
 * Reply → Slack messages (Block Kit). Pure: no I/O, so every limit is unit-tested.
 * All corpus and user text goes through escapeMrkdwn before it lands in a mrkdwn field.
 */
import type { types } from '@slack/bolt';
import type { Action, Block, Citation, Reply } from '../../src/core/reply.ts';
import { ACTION_PREFIX, LIMITS } from './limits.ts';
import { chunkText, clipWords, escapeMrkdwn, plainText } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  /** Notification and screen-reader fallback; mrkdwn, so escaped too. */
  text: string;
  blocks: KnownBlock[];
}

const QUOTE_PREFIX = '&gt; ';

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function sections(escaped: string, prefix = ''): types.SectionBlock[] {
  return chunkText(escaped, LIMITS.sectionText, prefix).map(section);
}

function contextBlocks(lines: string[]): types.ContextBlock[] {
  const texts = lines.flatMap((line) => chunkText(line, LIMITS.contextText));
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < texts.length; i += LIMITS.contextElements) {
    const elements = texts.slice(i, i + LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text }));
    blocks.push({ type: 'context', elements });
  }
  return blocks;
}

function titleBlocks(title: string): KnownBlock[] {
  const flat = title.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  if (flat.length <= LIMITS.headerText) return [{ type: 'header', text: { type: 'plain_text', text: plainText(flat) } }];
  return chunkText(escapeMrkdwn(flat), LIMITS.sectionText - 2).map((c) => section(`*${c}*`));
}

function citationLabel(citation: Citation | undefined, attribution: string): string {
  const who = `— ${escapeMrkdwn(attribution)}`;
  return citation ? `${who} · \`${escapeMrkdwn(citation.passage)}\`` : who;
}

function fieldBlocks(fields: { label: string; value: string }[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  let group: types.MrkdwnElement[] = [];
  const flush = () => {
    if (group.length > 0) out.push({ type: 'section', fields: group });
    group = [];
  };
  for (const { label, value } of fields) {
    const text = `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`;
    if (text.length > LIMITS.fieldText) {
      flush();
      out.push(...sections(text));
      continue;
    }
    group.push({ type: 'mrkdwn', text });
    if (group.length === LIMITS.fieldsPerSection) flush();
  }
  flush();
  return out;
}

function bodyBlocks(block: Block, citations: Citation[]): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return chunkText(escapeMrkdwn(block.text.replace(/\s+/g, ' ')), LIMITS.sectionText - 2).map((c) => section(`*${c}*`));
    case 'paragraph':
      return sections(escapeMrkdwn(block.text));
    case 'quote':
      return [...sections(escapeMrkdwn(block.text), QUOTE_PREFIX), ...contextBlocks([citationLabel(citations[block.citation], block.attribution)])];
    case 'list':
      return sections(block.items.map((item) => `• ${escapeMrkdwn(item.replace(/\s+/g, ' ').trim())}`).join('\n'));
    case 'fields':
      return fieldBlocks(block.fields);
  }
}

/** Citations no quote already shows, so their passage ids stay typeable in `/cite`. */
function sourcesBlocks(reply: Reply): KnownBlock[] {
  const quoted = new Set(reply.blocks.flatMap((b) => (b.type === 'quote' ? [b.citation] : [])));
  const lines = reply.citations.flatMap((c, i) => (quoted.has(i) ? [] : [`\`${escapeMrkdwn(c.passage)}\` ${escapeMrkdwn(c.attribution)}`]));
  return contextBlocks(lines);
}

function button(action: Action, n: number): types.Button {
  const text = clipWords(action.label, LIMITS.buttonText) || clipWords(action.id, LIMITS.buttonText);
  const b: types.Button = { type: 'button', action_id: `${ACTION_PREFIX}${n}`, value: action.id, text: { type: 'plain_text', text: plainText(text) } };
  if (action.style === 'primary' || action.style === 'success') b.style = 'primary';
  else if (action.style === 'danger') b.style = 'danger';
  return b;
}

/** One button per action, numbered by position so action_ids are unique within the message. */
export function actionBlocks(actions: Action[]): types.ActionsBlock[] {
  const buttons = actions.flatMap((a, n) => (a.id.length > 0 && a.id.length <= LIMITS.buttonValue ? [button(a, n)] : []));
  const rows: types.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

const size = (b: KnownBlock): number => JSON.stringify(b).length;

function paginate(blocks: KnownBlock[]): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    const s = size(b);
    if (page.length > 0 && (page.length >= LIMITS.blocksPerMessage || chars + s > LIMITS.messageChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(b);
    chars += s;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Keeps as much content as fits in `maxMessages`, then says it was shortened. */
function shortened(content: KnownBlock[], tail: KnownBlock[], maxMessages: number): KnownBlock[][] {
  const notice = contextBlocks(['_Shortened: the full answer is longer than one Slack reply allows._']);
  const attempt = (k: number) => paginate([...content.slice(0, k), ...notice, ...tail]);
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (attempt(mid).length <= maxMessages) lo = mid;
    else hi = mid - 1;
  }
  return attempt(lo);
}

function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote');
  const source = reply.title.trim() || (first && 'text' in first ? first.text : '') || 'Sourcebook';
  return escapeMrkdwn(clipWords(source, LIMITS.fallbackText));
}

export interface RenderOptions {
  /** At most this many messages (default: what one response_url accepts); a redrawn message is one. */
  maxMessages?: number;
}

/** Renders a reply as one or more messages, each within Slack's limits, to post in order. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage[] {
  const maxMessages = Math.max(1, opts.maxMessages ?? LIMITS.messagesPerReply);
  const content: KnownBlock[] = [...titleBlocks(reply.title)];
  if (reply.page && reply.page.total > 1) {
    content.push(...contextBlocks([`Page ${reply.page.index} of ${reply.page.total}`]));
  }
  for (const block of reply.blocks) content.push(...bodyBlocks(block, reply.citations));
  content.push(...sourcesBlocks(reply));
  const tail = actionBlocks(reply.actions);

  let pages = paginate([...content, ...tail]);
  if (pages.length > maxMessages) pages = shortened(content, tail, maxMessages);

  const text = fallbackText(reply);
  if (pages.length === 0) return [{ text, blocks: [section(text)] }];
  return pages.map((blocks, i) => ({ text: pages.length > 1 ? `${text} (${i + 1}/${pages.length})` : text, blocks }));
}
