/**
 * Near-duplicate sentences: the compilation quotes one passage from two editions ("innoculated 6000
 * horses with plague" / "inoculated 6000 horses with the plague"). Showing both wastes a slot.
 */
import { termsOf } from './score.ts';

const SAME = 0.6;

/** Jaccard overlap of the two texts' word roots is at least 0.6. */
export function nearDuplicate(a: string, b: string): boolean {
  const x = new Set(termsOf(a));
  const y = new Set(termsOf(b));
  if (!x.size || !y.size) return false;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared) >= SAME;
}
