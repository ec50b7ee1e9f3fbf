/** Whether a stem can be answered from itself: it names whom or what it is about. */
export const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** The stem names whom or what it is about: a name after its first word, not only "he" or "a number of officials". */
export function hasReferent(text: string): boolean {
  const words = text.match(/(?<![\p{L}'’])\p{Lu}[\p{L}'’-]{2,}/gu) ?? [];
  return words.slice(/^\s*[“"‘]?\p{Lu}/u.test(text) ? 1 : 0).some((w) => !MONTH.test(w));
}

