/** Picks the format profile a source's metadata names and runs it. */
import type { SourceMeta } from '../corpus/metadata.ts';
import { segmentBooklet } from './profiles/booklet.ts';
import { segmentConvertedBook } from './profiles/converted-book.ts';
import { segmentDocument } from './profiles/document.ts';
import { segmentInterview } from './profiles/interview.ts';
import { segmentQuoteCompilation } from './profiles/quote-compilation.ts';
import { segmentWebArticle } from './profiles/web-article.ts';
import type { Profile, SegmentedSource } from './types.ts';

const PROFILES: Record<SourceMeta['profile'], Profile> = {
  'web-article': segmentWebArticle,
  interview: segmentInterview,
  'quote-compilation': segmentQuoteCompilation,
  'converted-book': segmentConvertedBook,
  booklet: segmentBooklet,
  document: segmentDocument,
};

export function segment(meta: Pick<SourceMeta, 'profile'>, text: string): SegmentedSource {
  return PROFILES[meta.profile](text);
}

/** Bumped whenever segmentation rules change, so existing databases are rebuilt at start. */
export const SEGMENTER_VERSION = 7;
