/** Web page furniture that is never content: comment prompts, ratings, share/navigation, newsletter boxes. */
const BOILERPLATE_LINE = [
  /^no comments:?$/i,
  /^\d+ comments?:?$/i,
  /^post a comment$/i,
  /^leave a (comment|reply)$/i,
  /^user rating:?\s*[\d.]+\s*\/\s*\d+$/i,
  /^(star (in)?active)+$/i,
  /^share this:?$/i,
  /^(previous|next)( post)?$/i,
  /^like this:?$/i,
  /^loading\.\.\.$/i,
  /^sign up for (our|the) newsletter\b/i,
  /^subscribe( to our newsletter)?\b/i,
  /^(read more|continue reading)\b/i,
  /^related( posts)?:?$/i,
];

export function isBoilerplateLine(line: string): boolean {
  const t = line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\u00a0/g, ' ');
  return BOILERPLATE_LINE.some((re) => re.test(t));
}

/** A newsletter/promo box heading is a short line right before a boilerplate line ("Love Conspiracies?" + "Sign up…"). */
export function isPromoHeading(line: string, nextNonEmpty: string | undefined): boolean {
  return line.trim().length < 60 && nextNonEmpty !== undefined && /^sign up|^subscribe/i.test(nextNonEmpty.trim());
}
