/** What a format profile produces from one raw text. Ids and sentences are added later, generically. */

export interface PageRange {
  start: number;
  end: number;
  /** True when the pages were reconstructed (counted page breaks) rather than printed. */
  approximate: boolean;
}

/** The original work a passage quotes, when the document names it (citation line, footnote, endnote). */
export interface QuotedWork {
  /** The citation as the document gives it, cleaned of markup. */
  citation: string;
  author: string | null;
  title: string | null;
  year: number | null;
  /** Pages of the quoted work, verbatim ("p. 230-31"); never pages of the carrying document. */
  pages: string | null;
  /**
   * The bracketed lead-in that opens the excerpt ("Jan. 13, 1937 telegram by Stalin …"), on its
   * later paragraphs: whoever it names speaks there too, not the author of the book it is taken from.
   */
  leadIn?: string;
}

export interface SegNote {
  /** The note's own number as printed ("12"). */
  number: string;
  text: string;
  /** Where its marker stood in the passage's clean text (a character offset), when the profile knows. */
  at?: number;
}

export type PassageKind = 'body' | 'quote' | 'list' | 'table' | 'lede';

export interface SegPassage {
  kind: PassageKind;
  /** Heading hierarchy from the outermost heading down, as printed (cleaned of markup). Empty for untitled documents. */
  sectionPath: string[];
  /** Clean text: page breaks rejoined, hyphenation repaired, note markers removed. */
  text: string;
  pages: PageRange | null;
  /** Speaker of an interview turn (e.g. "SM"), else null. */
  speaker: string | null;
  quotedFrom: QuotedWork | null;
  notes: SegNote[];
  /** 1-based physical lines the passage was assembled from (first, last). */
  lines: [number, number];
}

export interface SegSection {
  path: string[];
  pages: PageRange | null;
}

/** Non-answerable material kept as data (bibliography, index, table of contents, front matter, sidebars). */
export interface SegExtra {
  kind: 'front_matter' | 'toc' | 'bibliography' | 'index' | 'sidebar' | 'summary' | 'boilerplate' | 'caption';
  text: string;
}

/** A person entry from a book's index: "Yezhov, Nikolay I." with its page list. */
export interface IndexEntry {
  name: string;
  pages: string;
}

export interface SegmentedSource {
  sections: SegSection[];
  passages: SegPassage[];
  extras: SegExtra[];
  indexEntries: IndexEntry[];
}

export type Profile = (text: string) => SegmentedSource;
