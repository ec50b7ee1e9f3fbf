/** HTML (a page's main content, a Word document via mammoth, an EPUB chapter) walked into blocks. */
import { type Block, pageBreakToken } from './blocks.ts';
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './html-dom.ts';

/** Never text: scripts, navigation, forms, media. */
const SKIP = new Set('script style noscript template nav form button svg iframe select textarea head img video audio canvas object embed'.split(' '));
const BLOCK = new Set(
  'p div section article main header footer aside ul ol dl dt dd table thead tbody tfoot pre figure figcaption address center details summary body html fieldset caption'.split(
    ' ',
  ),
);
/** A hard line break inside a paragraph; two in a row part paragraphs. */
const BR = '\u2028';

/** An EPUB page-list anchor or ARIA page break: its printed page number, when it has one. */
function pageLabel(el: DomElement): string | null {
  const kind = `${el.getAttribute('epub:type') ?? ''} ${el.getAttribute('role') ?? ''}`;
  if (!/pagebreak/.test(kind)) return null;
  const raw = el.getAttribute('title') ?? el.getAttribute('aria-label') ?? (el.textContent?.trim() || el.id);
  const m = /(\d+|^[ivxlcdm]+$)/i.exec(raw ?? '');
  return m ? m[1]! : null;
}

class Walker {
  readonly blocks: Block[] = [];
  private buf = '';
  private kind: 'para' | 'quote' | 'item' = 'para';

  flush(): void {
    for (const piece of this.buf.split(new RegExp(`${BR}\\s*${BR}`))) {
      const text = piece.replaceAll(BR, ' ').replace(/\s+/g, ' ').trim();
      if (text) this.blocks.push({ kind: this.kind, text });
    }
    this.buf = '';
  }

  private within(kind: 'quote' | 'item', el: DomElement): void {
    this.flush();
    const outer = this.kind;
    this.kind = kind;
    this.children(el);
    this.flush();
    this.kind = outer;
  }

  children(el: DomNode): void {
    for (const child of Array.from(el.childNodes)) this.walk(child);
  }

  walk(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag)) return;
    const page = pageLabel(el);
    if (page) this.buf += pageBreakToken(page);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      this.flush();
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const level = el.getAttribute('class')?.includes('doc-title') ? 0 : Number(el.getAttribute('data-level') ?? heading[1]);
      if (text) this.blocks.push({ kind: 'heading', level, text });
    } else if (tag === 'br') {
      this.buf += BR;
    } else if (tag === 'hr') {
      this.flush();
    } else if (tag === 'strong' || tag === 'b') {
      this.buf += '**';
      this.children(el);
      this.buf += '**';
    } else if (tag === 'blockquote') {
      this.within('quote', el);
    } else if (tag === 'li') {
      this.within('item', el);
    } else if (tag === 'tr') {
      this.flush();
      this.buf = Array.from(el.childNodes, (c) => c.textContent?.trim() ?? '')
        .filter(Boolean)
        .join(' | ');
      this.flush();
    } else if (BLOCK.has(tag)) {
      this.flush();
      this.children(el);
      this.flush();
    } else {
      this.children(el);
    }
  }
}

export function htmlToBlocks(root: DomNode): Block[] {
  const w = new Walker();
  w.walk(root);
  w.flush();
  return w.blocks;
}
