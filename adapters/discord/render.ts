import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Action, Block, Reply, ReplyKind } from '../../src/core/reply.ts';
import { buttonRows, type ButtonRow } from './buttons.ts';
import { LIMITS } from './limits.ts';
import type { Logger } from './logger.ts';
import { escapeText, packLines, splitAtWords, splitText, tidyLines, truncateAtWord } from './text.ts';

/** One Discord message: what `reply`, `editReply`, `update` and `followUp` are given. */
export interface RenderedMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  ephemeral: boolean;
  /** Corpus text may contain "@everyone" or "<@123>": nothing the bot sends may ping anyone. */
  allowedMentions: { parse: [] };
  /** A picture the first embed shows (`attachment://name`), with its alt text. */
  files?: { attachment: Buffer; name: string; description: string }[];
}

export interface Rendering {
  /** At least one; the first answers the interaction, the rest are follow-ups. */
  messages: RenderedMessage[];
  /** Actions that did not fit as buttons, for the caller to log. */
  droppedActions: Action[];
}

const COLORS: Record<ReplyKind, number> = {
  answer: 0x5865f2,
  'not-found': 0x99aab5,
  error: 0xed4245,
  refusal: 0xfee75c,
  notice: 0x57f287,
};

/** Room kept in every message for the page footer, so adding it can't break the 6000 limit. */
const FOOTER_RESERVE = 64;
const MESSAGE_BUDGET = LIMITS.charsPerMessage - FOOTER_RESERVE;
const BLOCK_SEPARATOR = '\n\n';
const DESCRIPTION = LIMITS.embedDescription;

type Part = { kind: 'text'; text: string } | { kind: 'field'; field: APIEmbedField };

/** Renders a reply as embeds within every Discord limit, split between words when too long. */
export function renderReply(reply: Reply): Rendering {
  const embedGroups = pack(
    reply.blocks.flatMap((block) => blockParts(block, reply)),
    truncateAtWord(escapeText(reply.title.trim()), LIMITS.embedTitle),
    COLORS[reply.kind],
  );
  // The core numbers pages from 1.
  if (reply.page) {
    const lastEmbed = embedGroups.at(-1)?.at(-1);
    if (lastEmbed) lastEmbed.footer = { text: `Page ${reply.page.index} of ${reply.page.total}` };
  }
  const { rows, dropped } = buttonRows(reply.actions);
  const messages = embedGroups.map((embeds, i) => ({
    embeds,
    components: i === embedGroups.length - 1 ? rows : [],
    ephemeral: reply.ephemeral,
    allowedMentions: { parse: [] as [] },
  }));
  return { messages, droppedActions: dropped };
}

/** The messages for `reply`; actions that could not become buttons are logged, not lost silently. */
export function renderMessages(reply: Reply, logger: Logger): RenderedMessage[] {
  const { messages, droppedActions } = renderReply(reply);
  if (droppedActions.length > 0) {
    logger.warn({ dropped: droppedActions.map((a) => a.id) }, 'discord: actions left out of the buttons');
  }
  return messages;
}

function blockParts(block: Block, reply: Reply): Part[] {
  switch (block.type) {
    case 'heading':
      return texts(
        packLines(
          escapedLines(block.text)
            .filter((line) => line !== '')
            .flatMap((line) => splitAtWords(line, DESCRIPTION - 4))
            .map((line) => `**${line}**`),
          DESCRIPTION,
        ),
      );
    case 'paragraph':
      return texts(splitText(escapedLines(block.text), DESCRIPTION));
    case 'list':
      return texts(
        packLines(
          block.items.flatMap((item) =>
            escapedLines(item).flatMap((line, i) => splitAtWords(line, DESCRIPTION - 2).map((piece, j) => (i === 0 && j === 0 ? `• ${piece}` : `  ${piece}`))),
          ),
          DESCRIPTION,
        ),
      );
    case 'quote':
      return texts(quoteChunks(block.text, block.attribution, reply.citations[block.citation]?.passage));
    case 'fields':
      return block.fields.flatMap(({ label, value }) => fieldParts(label, value));
  }
}

function texts(chunks: string[]): Part[] {
  return chunks.filter((text) => text !== '').map((text) => ({ kind: 'text', text }));
}

function escapedLines(text: string): string[] {
  return tidyLines(text).map(escapeText);
}

/** "> …" lines, then "— Attribution · `passage`" under the quote. */
function quoteChunks(text: string, attribution: string, passage: string | undefined): string[] {
  const quoted = escapedLines(text)
    .flatMap((line) => splitAtWords(line, DESCRIPTION - 2))
    .map((line) => (line === '' ? '>' : `> ${line}`));
  // A backtick would end the inline code early; passage ids never contain one.
  const id = passage ? ` · \`${passage.replaceAll('`', '')}\`` : '';
  const credit = `— ${truncateAtWord(escapeText(attribution.trim()), 1000)}${id}`;
  return packLines([...quoted, credit], DESCRIPTION);
}

function fieldParts(label: string, value: string): Part[] {
  const name = truncateAtWord(escapeText(label.replace(/\s+/g, ' ').trim()), LIMITS.fieldName) || '\u200b';
  const chunks = splitText(escapedLines(value), LIMITS.fieldValue).filter((chunk) => chunk !== '');
  if (chunks.length === 0) chunks.push('—');
  const inline = chunks.length === 1 && chunks[0]!.length <= 40 && !chunks[0]!.includes('\n');
  // Continuations get an invisible name so a long value reads as one field.
  return chunks.map((chunk, i) => ({
    kind: 'field',
    field: { name: i === 0 ? name : '\u200b', value: chunk, inline },
  }));
}

/**
 * Lays parts out in order: text joins the current embed's description; fields join its fields;
 * text after fields starts a new embed so the reading order survives. A new embed or message
 * starts whenever a limit would be crossed.
 */
function pack(parts: Part[], title: string, color: number): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let used = 0;
  let embed: APIEmbed = title ? { title, color } : { color };
  messages.push([embed]);
  used = title.length;

  const open = (size: number): APIEmbed => {
    const current = messages.at(-1)!;
    if (current.length >= LIMITS.embedsPerMessage || used + size > MESSAGE_BUDGET) {
      messages.push([]);
      used = 0;
    }
    const fresh: APIEmbed = { color };
    messages.at(-1)!.push(fresh);
    return fresh;
  };

  for (const part of parts) {
    if (part.kind === 'text') {
      const { text } = part;
      if (embed.fields === undefined && embed.description === undefined && used + text.length <= MESSAGE_BUDGET) {
        embed.description = text;
        used += text.length;
        continue;
      }
      const added = BLOCK_SEPARATOR.length + text.length;
      if (embed.fields === undefined && embed.description !== undefined && embed.description.length + added <= DESCRIPTION && used + added <= MESSAGE_BUDGET) {
        embed.description += BLOCK_SEPARATOR + text;
        used += added;
        continue;
      }
      embed = open(text.length);
      embed.description = text;
      used += text.length;
    } else {
      const { field } = part;
      const size = field.name.length + field.value.length;
      if ((embed.fields?.length ?? 0) < LIMITS.fieldsPerEmbed && used + size <= MESSAGE_BUDGET) {
        (embed.fields ??= []).push(field);
        used += size;
        continue;
      }
      embed = open(size);
      embed.fields = [field];
      used += size;
    }
  }

  for (const embeds of messages) {
    for (const e of embeds) {
      // Discord rejects an embed with nothing to show.
      if (e.title === undefined && e.description === undefined && e.fields === undefined) e.description = '\u200b';
    }
  }
  return messages;
}
