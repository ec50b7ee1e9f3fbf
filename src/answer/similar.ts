/**
 * Near-duplicate sentences: the compilation quotes one passage from two editions ("innoculated 6000
 * horses with plague" / "inoculated 6000 horses with the plague"). Showing both wastes a slot.
 */
import { termsOf } from './score.ts';

const SAME = 0.6;
/** Word sets of recently compared texts: the same candidates are compared again and again. */
const sets = new Map<string, Set<string>>();
const KEEP = 4000;

function termSet(text: string): Set<string> {
  let s = sets.get(text);
  if (!s) {
    if (sets.size >= KEEP) sets.clear();
    sets.set(text, (s = new Set(termsOf(text))));
  }
  return s;
}

/** Jaccard overlap of the two texts' word roots is at least 0.6. */
export function nearDuplicate(a: string, b: string): boolean {
  const x = termSet(a);
  const y = termSet(b);
  if (!x.size || !y.size) return false;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared) >= SAME;
}
