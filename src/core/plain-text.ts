/** A Reply as plain text: the `text` of `sourcebook ask --json` and the base of the console rendering. */
import type { Block, Reply } from './reply.ts';

export function blockText(reply: Reply, b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.text.toUpperCase();
    case 'paragraph':
      return b.text;
    case 'quote': {
      const id = reply.citations[b.citation]?.passage;
      return `${b.attribution}:\n  “${b.text}”${id ? ` [${id}]` : ''}`;
    }
    case 'list':
      return b.items.map((i) => `  • ${i}`).join('\n');
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
  }
}

export function replyText(reply: Reply): string {
  return [reply.title, ...reply.blocks.map((b) => blockText(reply, b))].join('\n\n');
}

/** The stable JSON shape scripts rely on: the Reply plus its plain-text rendering. */
export function replyJson(reply: Reply) {
  return {
    kind: reply.kind,
    title: reply.title,
    text: replyText(reply),
    blocks: reply.blocks,
    citations: reply.citations,
    actions: reply.actions.map((a) => ({ id: a.id, label: a.label })),
    ephemeral: reply.ephemeral,
    ...(reply.page ? { page: reply.page } : {}),
    ...(reply.image ? { image: { name: reply.image.name, alt: reply.image.alt } } : {}),
  };
}
