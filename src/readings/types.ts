/** What reading a user's document produces: one canonical Markdown text plus what the file says about itself. */

export type ReadingFormat = 'pdf' | 'html' | 'docx' | 'epub' | 'markdown' | 'text';

export interface Author {
  family: string;
  given: string;
}

export interface ReadingMeta {
  title: string | null;
  authors: Author[];
  year: number | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  publisher: string | null;
  /** The journal, newspaper or site the text appeared in. */
  outlet: string | null;
  doi: string | null;
  url: string | null;
}

export interface Reading {
  format: ReadingFormat;
  meta: ReadingMeta;
  /** Canonical Markdown, as described in markdown-out.ts. */
  markdown: string;
  /** Pages of a paginated original (PDF), else null. */
  pages: number | null;
  /** Headings in `markdown`. */
  sections: number;
  /** Footnote and endnote definitions in `markdown`. */
  notes: number;
  warnings: string[];
  /** Hex SHA-256 of the input bytes. */
  sha256: string;
}

export interface ReadOptions {
  /** The user's name for the file; only used to warn when its extension disagrees with its content. */
  fileName?: string;
  /** Refuse larger inputs; default 50 MB. */
  maxBytes?: number;
  /** Called as pages (PDF) or chapters (EPUB) are read. */
  onProgress?: (done: number, total: number) => void;
}
