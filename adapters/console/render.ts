/** A Reply for a terminal: wrapped to the width, quotes indented, actions numbered. */
import { wrap } from '../../src/core/fit.ts';
import type { Block, Reply } from '../../src/core/reply.ts';

// ANSI SGR codes by hand: util.styleText only exists from Node 20.12, and we support all of 20.
const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], cyan: [36, 39], yellow: [33, 39] } as const;
type Style = keyof typeof STYLES;
function styleText(style: Style, s: string): string {
  const [on, off] = STYLES[style];
  return `\u001b[${on}m${s}\u001b[${off}m`;
}

export { wrap };

export function renderConsole(reply: Reply, opts: { width: number; color: boolean }): string {
  const paint = (style: Style, s: string) => (opts.color ? styleText(style, s) : s);
  const w = Math.max(40, Math.min(opts.width, 110));
  const block = (b: Block): string => {
    switch (b.type) {
      case 'heading':
        return paint('bold', b.text);
      case 'paragraph':
        return wrap(b.text, w);
      case 'quote': {
        const id = reply.citations[b.citation]?.passage ?? '';
        return `${paint('cyan', wrap(`${b.attribution}:`, w))}\n${wrap(`“${b.text}”`, w, '  │ ')}\n${paint('dim', `  ${id}`)}`;
      }
      case 'list':
        return b.items.map((i) => wrap(`• ${i}`, w, '  ').replace(/^ {2}/, '')).join('\n');
      case 'fields':
        return b.fields.map((f) => `${paint('bold', f.label)}\n${wrap(f.value, w, '  ')}`).join('\n');
    }
  };
  const title = paint(reply.kind === 'error' || reply.kind === 'refusal' ? 'red' : 'bold', reply.title);
  const actions = reply.actions.length ? `\n\n${reply.actions.map((a, i) => paint('yellow', `[${i + 1}] ${a.label}`)).join('  ')}` : '';
  return `${title}\n\n${reply.blocks.map(block).join('\n\n')}${actions}`;
}
