/**
 * Which side of a yes/no question ("Was there a real conspiracy against Stalin?") a sentence takes,
 * by its own words: it denies the matter, affirms it, or leaves it open. Dispute and thesis
 * questions quote only sentences that take a side plainly.
 */
import { root } from '../search/roots.ts';

/** Words that deny the matter: it did not happen, or was made up. */
export const DENIES =
  /\b(?:did not exist|never existed|(?:was|were|had been) (?:invented|fabricated|falsified|concocted|staged|made up)|invented|fabricat\w*|falsifi\w*|trumped[- ]up|forced ['‘“"]?evidence|no (?:material |factual |real )?(?:basis|part|evidence)|(?:precious |very )?little evidence|baseless|groundless|fictitious|not (?:entirely )?genuine)\b/i;
/** Words that leave the matter open or put it in someone else's mouth: neither side. */
const HEDGES =
  /\b(?:[Nn]ot|[Nn]o|[Nn]ever|[Dd]oubts?|[Ww]hether|[Aa]lleged\w*|[Oo]stensibly|so-called|[Aa]ccus\w*|charges?|[Rr]umou?rs?|[Cc]laim\w*|[Ss]upposed\w*|might|may|[Pp]erhaps|[Ii]f)\b/;
/** Words that leave even a denial open ("invented or accurate at least in part"). */
// Case-sensitive: "May 1937" is a month, not a doubt.
const UNSURE = /\b(?:[Ww]hether|might|may|[Pp]erhaps|[Ii]f|or accurate|at least in part|or not)\b/;
/** What the sources dispute: whether there was a plot, a conspiracy, guilt, real confessions. */
const MATTER = /\b(?:conspira\w*|plot\w*|coup|guilt\w*|genuine|treason|spies|espionage|sabotage|wreck\w*)\b/gi;
export type Stance = 'denies' | 'affirms' | null;

/**
 * Which side of a yes/no question a sentence takes, by its own words; null when it takes none plainly.
 * `anyMatter`: a "yes" in other words for the matter ("military conspiracy" for "plot a coup") counts too.
 */
export function stanceOf(text: string, ask: string, anyMatter = false): Stance {
  if (DENIES.test(text)) return UNSURE.test(text) ? null : 'denies';
  if (HEDGES.test(text)) return null;
  // A "yes" says the very thing asked about: the plot, the guilt, the conspiracy; narration around it is neither side.
  const matter = new Set([...ask.matchAll(MATTER)].map((m) => root(m[0])));
  return [...text.matchAll(MATTER)].some((m) => anyMatter || matter.has(root(m[0]))) ? 'affirms' : null;
}
