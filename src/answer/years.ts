/** Year ranges read as the years they span, the same in a question and a text. */

/** "1937–38" is two years, 1937 and 1938, in a question as in a text. */
export function expandYearRanges(text: string): string {
  return text.replace(/\b(1[89])(\d\d)\s?[–-]\s?(\d\d)\b/g, '$1$2 $1$3');
}
