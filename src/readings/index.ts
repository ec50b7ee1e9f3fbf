/**
 * Reads a user's document (PDF, HTML, DOCX, EPUB, Markdown or plain text, judged by its bytes) into
 * one canonical Markdown text (markdown-out.ts) plus the metadata the file carries. Anything wrong
 * with the input is a ReadingError with a code and a message for the user.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FormatResult } from './blocks.ts';
import { readDocx } from './docx.ts';
import { readEpub } from './epub.ts';
import { NOT_READABLE, ReadingError, exactBytes, formatBytes } from './errors.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown-in.ts';
import { renderMarkdown } from './markdown-out.ts';
import { readPdf } from './pdf.ts';
import { readPlainText } from './plain-text.ts';
import { completeMeta, qualityWarnings } from './reading-checks.ts';
import { FORMAT_NAMES, mismatchWarning, sniff } from './sniff.ts';
import type { ReadOptions, Reading, ReadingFormat } from './types.ts';
import { SafeZip } from './zip.ts';

export { ReadingError } from './errors.ts';
export type { ReadingErrorCode } from './errors.ts';
export type { Author, ReadOptions, Reading, ReadingFormat, ReadingMeta } from './types.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const Options = z.object({
  fileName: z.string().optional(),
  maxBytes: z.number().int().positive().optional(),
  onProgress: z.custom<(done: number, total: number) => void>((v) => typeof v === 'function').optional(),
});

async function readZip(bytes: Uint8Array, onProgress: ReadOptions['onProgress']): Promise<{ format: ReadingFormat; result: FormatResult }> {
  const zip = await SafeZip.open(bytes);
  try {
    if (zip.has('word/document.xml')) return { format: 'docx', result: await readDocx(bytes, zip) };
    const mimetype = zip.has('mimetype') ? (await zip.readText('mimetype')).trim() : '';
    if (mimetype === 'application/epub+zip' || zip.has('META-INF/container.xml')) return { format: 'epub', result: await readEpub(zip, onProgress) };
    throw new ReadingError('unsupported', `a zip archive that is neither a Word document nor an EPUB: ${NOT_READABLE}`);
  } finally {
    zip.close();
  }
}

async function readFormat(bytes: Uint8Array, opts: ReadOptions): Promise<{ format: ReadingFormat; result: FormatResult }> {
  const sniffed = sniff(bytes, opts.fileName);
  switch (sniffed.kind) {
    case 'pdf':
      return { format: 'pdf', result: await readPdf(bytes, opts.onProgress) };
    case 'zip':
      return readZip(bytes, opts.onProgress);
    case 'html':
      return { format: 'html', result: readHtml(sniffed.text) };
    case 'markdown':
      return { format: 'markdown', result: readMarkdown(sniffed.text) };
    case 'text':
      return { format: 'text', result: readPlainText(sniffed.text) };
  }
}

/** No bytes, or only blank space (and a UTF-8 byte-order mark). */
function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.subarray(start).every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<Reading> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readDocument expects the file as a Uint8Array');
  const opts = Options.parse(options);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    // Rounded sizes that come out equal ("50 MB; the limit is 50 MB") are given exactly instead.
    const [size, limit] =
      formatBytes(bytes.byteLength) === formatBytes(maxBytes) ? [bytes.byteLength, maxBytes].map(exactBytes) : [bytes.byteLength, maxBytes].map(formatBytes);
    throw new ReadingError('too-large', `the file is ${size}; the limit is ${limit}`);
  }
  if (isBlank(bytes)) throw new ReadingError('empty', 'the file is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let read: { format: ReadingFormat; result: FormatResult };
  try {
    read = await readFormat(bytes, opts);
  } catch (cause) {
    if (cause instanceof ReadingError) throw cause;
    throw new ReadingError('malformed', 'this file is damaged and cannot be read', { cause });
  }
  const { format, result } = read;
  const rendered = renderMarkdown(result.blocks, result.notes);
  if (!/[\p{L}\p{N}]/u.test(rendered.markdown.replace(/<!--[\s\S]*?-->/g, ''))) {
    throw new ReadingError('no-text', `no readable text found in this ${FORMAT_NAMES[format]}`);
  }
  const meta = completeMeta(result.meta, rendered.markdown, format);
  const mismatch = mismatchWarning(opts.fileName, format);
  const warnings = [...(mismatch ? [mismatch] : []), ...result.warnings, ...qualityWarnings(format, rendered.markdown, meta)];
  return { format, meta, markdown: rendered.markdown, pages: result.pages, sections: rendered.sections, notes: rendered.notes, warnings, sha256 };
}
