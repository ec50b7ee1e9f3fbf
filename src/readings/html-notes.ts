/**
 * Footnotes and endnotes in HTML (web pages, Word via mammoth, EPUB chapters): a short marker link
 * (`<sup><a href="#fn1">1</a></sup>`, `epub:type="noteref"`, `role="doc-noteref"`) whose target holds
 * the note. The marker becomes a note ref token, the note leaves the text. EPUB notes may live in
 * another file of the book, so all parts are read together.
 */
import { posix } from 'node:path';
import { type DomDocument, type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE, decodeHref } from './html-dom.ts';
import type { NoteBook } from './notes.ts';

export interface HtmlPart {
  /** Path inside the container ('' for a lone page); relative note links resolve against it. */
  path: string;
  doc: DomDocument;
}

const MARKER = /^[[(]?(\d{1,4}|[a-z]|[ivx]{1,5}|[*†‡§])[\])]?\.?$/i;
const CONTAINER = 'li, aside, p, dd, div, section, footer, td';

function isNoteRef(a: DomElement): boolean {
  if (!MARKER.test(a.textContent?.trim() ?? '')) return false;
  const kind = `${a.getAttribute('epub:type') ?? ''} ${a.getAttribute('role') ?? ''} ${a.getAttribute('class') ?? ''} ${a.id}`;
  return (
    /noteref|footnote|endnote|fnref|\bfn\b/i.test(kind) || !!a.closest('sup') || /#(fn|footnote|endnote|note|n)[-_:]?\d/i.test(a.getAttribute('href') ?? '')
  );
}

function findTarget(parts: HtmlPart[], from: HtmlPart, href: string): { part: HtmlPart; el: DomElement } | null {
  const hash = href.indexOf('#');
  const file = decodeHref(href.slice(0, hash));
  const id = decodeHref(href.slice(hash + 1)).replace(/["\\\]\n]/g, '');
  const path = file ? posix.normalize(posix.join(posix.dirname(from.path), file)) : from.path;
  const part = parts.find((p) => p.path === path);
  const el = part?.doc.querySelector(`[id="${id}"]`) ?? part?.doc.querySelector(`a[name="${id}"]`);
  return part && el ? { part, el } : null;
}

/** A link inside a note that leads back to its marker ("↑", "↩", "^", or the number itself). */
function isBacklink(el: DomElement): boolean {
  if (el.localName !== 'a' || !(el.getAttribute('href') ?? '').includes('#')) return false;
  return el.getAttribute('role') === 'doc-backlink' || /^(?:[\s↑↩⤴^[\]().\d*†‡§]|\uFE0E|\uFE0F)*$|^back$/i.test(el.textContent?.trim() ?? '');
}

function noteText(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT_NODE || isBacklink(node as DomElement)) return '';
  const inner = Array.from(node.childNodes, noteText).join('');
  return /^(p|div|li|br)$/i.test(node.nodeName) ? ` ${inner} ` : inner;
}

function removeEmptied(el: DomNode | null): void {
  let node = el as DomElement | null;
  while (node && /^(ol|ul|section|div|aside|footer|dl|hr)$/i.test(node.nodeName) && !node.textContent?.trim()) {
    const parent = node.parentNode as DomElement | null;
    node.remove();
    node = parent;
  }
}

export function extractNotes(parts: HtmlPart[], book: NoteBook): void {
  const found: { ref: DomElement; key: string; container: DomElement }[] = [];
  for (const part of parts) {
    for (const a of Array.from(part.doc.querySelectorAll('a[href*="#"]'))) {
      if (!isNoteRef(a)) continue;
      const target = findTarget(parts, part, a.getAttribute('href')!);
      if (!target) continue;
      const container = target.el.matches(CONTAINER) ? target.el : (target.el.closest(CONTAINER) ?? target.el);
      const text = noteText(container)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[[(]?\d{1,4}[\])]?\.?\s+/, '')
        .replace(/^[.):\]]\s*/, '');
      if (container.contains(a) || !text || text.length > 5000) continue;
      const key = `${target.part.path}#${target.el.id || a.getAttribute('href')}`;
      if (!book.has(key)) book.define(key, a.textContent!.replace(/[^\w*†‡§]/g, ''), text);
      found.push({ ref: a, key, container });
    }
  }
  for (const { ref, key } of found) {
    const sup = ref.parentNode as DomElement | null;
    const wrapper = sup && /^sup$/i.test(sup.nodeName) && sup.textContent?.trim() === ref.textContent?.trim() ? sup : ref;
    wrapper.replaceWith(book.ref(key));
  }
  for (const { container } of found) {
    const parent = container.parentNode;
    container.remove();
    removeEmptied(parent);
  }
}
