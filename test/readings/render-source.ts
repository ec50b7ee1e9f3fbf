/**
 * A bundled text of the corpus, segmented by its own profile, as the model every renderer (render-*.ts)
 * writes out: its title, its author and its passages in order, an interview's turns with their speakers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SourceMeta, loadMetadata } from '../../src/corpus/metadata.ts';
import { segment } from '../../src/segment/index.ts';
import type { SegmentedSource } from '../../src/segment/types.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface RenderParagraph {
  text: string;
  /** An interview turn's speaker label ("SM"), printed before the text. */
  speaker: string | null;
}

export interface RenderDoc {
  title: string;
  author: string;
  paragraphs: RenderParagraph[];
}

export interface BundledText {
  meta: SourceMeta;
  /** The text segmented by its own profile, as the bot indexes it. */
  own: SegmentedSource;
  doc: RenderDoc;
}

export function bundledText(id: string): BundledText {
  const meta = loadMetadata(CORPUS_DIR).find((m) => m.id === id);
  if (!meta) throw new Error(`no bundled source ${id} in corpus/sources.json`);
  const own = segment(meta, readFileSync(join(CORPUS_DIR, meta.file), 'utf8'));
  const author = meta.authors.map((a) => `${a.given} ${a.family}`.trim()).join(' and ');
  return { meta, own, doc: { title: meta.title, author, paragraphs: own.passages.map((p) => ({ text: p.text, speaker: p.speaker })) } };
}

/** A paragraph's words as printed: an interview turn opens with its label and a dash ("SM – …"). */
export function printed(p: RenderParagraph): string {
  return p.speaker ? `${p.speaker} – ${p.text}` : p.text;
}

/** Greedy wrapping at spaces: each line as long as `fits` allows; no line starts with a word `avoidStart` matches. */
export function wrapWords(text: string, fits: (line: string) => boolean, avoidStart?: RegExp): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && !fits(candidate) && !avoidStart?.test(word)) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
