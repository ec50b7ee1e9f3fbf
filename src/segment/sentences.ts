/**
 * Sentence splitting. Intl.Segmenter (ICU, UAX #29) does the work; it breaks after
 * initials and abbreviations ("Georgi L.", "Col.", "J.V.", and transliterated Russian initials
 * of two letters: "K. Ye. Voroshilov", "Grigori Ya. Sokolnikov"), so those breaks are undone.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const ABBREVIATION_TAIL =
  /(?:^|[\s([{—–\-“"‘'])(?:\p{Lu}|\p{Lu}\.\p{Lu}|Ye|Ya|Yu|Yo|Ch|Sh|Zh|Kh|Ts|Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|St|Prof|Doz|Sgt|Messrs|cf|Cf|vol|Vol|vols|pp?|ed|eds|Ed|Trans|No|Nos|nos|i\.e|e\.g|etc|viz|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Univ|Inc|ltd|Ltd|ch|chap|fn|n|г|гг|т|тт|см)\.\s*$/u;

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const seg of segmenter.segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const prev = out[out.length - 1];
    // Also glue a fragment that starts in lowercase: ICU broke after "etc." or an ellipsis mid-sentence.
    if (prev && (ABBREVIATION_TAIL.test(text.slice(prev.start, prev.end)) || /^\s*\p{Ll}/u.test(seg.segment))) {
      prev.end = end;
    } else {
      out.push({ text: '', start, end });
    }
  }
  for (const s of out) {
    const raw = text.slice(s.start, s.end);
    const lead = raw.length - raw.trimStart().length;
    s.start += lead;
    s.end = s.start + raw.trim().length;
    s.text = text.slice(s.start, s.end);
  }
  return out.filter((s) => s.text.length > 0);
}
