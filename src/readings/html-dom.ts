/**
 * Parsing HTML, XHTML and XML with linkedom (tolerant of broken markup, no browser needed), and the
 * small part of the DOM this folder uses, typed here because the project does not load the DOM lib.
 */
import { DOMParser, parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  contains(node: DomNode): boolean;
  remove(): void;
  replaceWith(...nodes: (DomNode | string)[]): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** XHTML's `<span/>` would swallow what follows it in an HTML parser; written out as `<span></span>` it cannot. */
function openSelfClosing(html: string): string {
  return html.replace(/<([a-zA-Z][\w:-]*)(\s[^<>]*?)?\s*\/>/g, (m, tag: string, attrs = '') => (VOID.has(tag.toLowerCase()) ? m : `<${tag}${attrs}></${tag}>`));
}

/** A whole document from HTML or XHTML, however broken; a fragment is given an <html><body> to live in. */
export function parseHtmlDocument(html: string): DomDocument {
  const source = openSelfClosing(html.replace(/^\ufeff/, '').replace(/<\?xml[^>]*\?>/, ''));
  const whole = /<html[\s>]/i.test(source) ? source : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const doc = parseHTML(whole).document as DomDocument;
  if (doc.body) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${source}</body></html>`).document as DomDocument;
}

export function parseXml(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml') as unknown as DomDocument;
}

/** A path or fragment from an href, percent-decoded; as written when the escapes are broken. */
export function decodeHref(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Text of the first element with this (possibly prefixed) tag name. */
export function firstText(doc: DomDocument | DomElement, tag: string): string | null {
  return doc.getElementsByTagName(tag)[0]?.textContent?.trim() || null;
}

export function allTexts(doc: DomDocument | DomElement, tag: string): string[] {
  return Array.from(doc.getElementsByTagName(tag), (e) => e.textContent?.trim() ?? '').filter(Boolean);
}
