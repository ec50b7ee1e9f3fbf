/** What a file is, judged by its bytes; the name's extension only ever earns a warning. */
import { NOT_READABLE, ReadingError } from './errors.ts';
import type { ReadingFormat } from './types.ts';

export type Sniffed = { kind: 'pdf' } | { kind: 'zip' } | { kind: 'html' | 'markdown' | 'text'; text: string };

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);

/** Office's binary container: an old .doc, or a password-protected .docx (its "EncryptionInfo" stream). */
function oleError(bytes: Uint8Array): ReadingError {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20));
  if (head.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
    return new ReadingError('encrypted', 'this document is password-protected; save an unprotected copy');
  }
  return new ReadingError('unsupported', 'this is an old Word (.doc) or other Office binary file; save it as .docx or PDF');
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL in text');
    return text;
  } catch (cause) {
    throw new ReadingError('unsupported', NOT_READABLE, { cause });
  }
}

/** HTML once a byte-order mark, blank space, comments and an XML declaration are passed over. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536).replace(/^\ufeff/, '');
  const start = head.replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  if (/^<(!doctype\s+html|html)[\s>]/i.test(start)) return true;
  return /^</.test(start) && /<(head|body)[\s>]/i.test(head);
}

function extensionOf(fileName: string | undefined): string | null {
  const m = /\.([a-z0-9]{1,10})$/i.exec(fileName ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

export function sniff(bytes: Uint8Array, fileName?: string): Sniffed {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw oleError(bytes);
  if (head.startsWith('{\\rtf')) throw new ReadingError('unsupported', 'RTF is not supported; save it as .docx or PDF');
  const text = decodeText(bytes);
  if (looksLikeHtml(text)) return { kind: 'html', text };
  const ext = extensionOf(fileName);
  if (ext === 'md' || ext === 'markdown' || /^#{1,6}[ \t]+\S/m.test(text)) return { kind: 'markdown', text };
  return { kind: 'text', text };
}

const EXPECTED: Record<string, ReadingFormat> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  epub: 'epub',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

export const FORMAT_NAMES: Record<ReadingFormat, string> = {
  pdf: 'PDF',
  html: 'HTML',
  docx: 'DOCX',
  epub: 'EPUB',
  markdown: 'Markdown',
  text: 'plain text',
};

const AS_NOUN: Record<ReadingFormat, string> = {
  pdf: 'a PDF',
  html: 'an HTML page',
  docx: 'a DOCX',
  epub: 'an EPUB',
  markdown: 'Markdown',
  text: 'plain text',
};

/** "named .docx but is a PDF; read as PDF", or null when the name fits (Markdown in a .txt fits). */
export function mismatchWarning(fileName: string | undefined, format: ReadingFormat): string | null {
  const ext = extensionOf(fileName);
  const expected = ext ? EXPECTED[ext] : undefined;
  if (!expected || expected === format) return null;
  if ((expected === 'text' || expected === 'markdown') && (format === 'text' || format === 'markdown')) return null;
  return `named .${ext} but is ${AS_NOUN[format]}; read as ${FORMAT_NAMES[format]}`;
}
