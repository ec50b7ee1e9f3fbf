/**
 * Stable passage ids: a source prefix and a hash of the passage's own text, so re-ingesting
 * yields the same ids and editing one document (or one passage) leaves every other id alone.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32: no i, l, o, u to misread

function base32(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALPHABET[bytes[i]! & 31];
  return out;
}

/**
 * Lower case, each run of whitespace one space, trimmed. A lone space is left as it is, so the
 * usual passage (single spaces only) needs no replacing at all.
 */
function normalizedForId(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s\s+|[^\S ]/g, ' ')
    .trim();
}

/** Assigns ids in document order; identical texts and hash collisions get a deterministic salt. */
export function assignPassageIds(prefix: string, texts: string[], length = 5): string[] {
  const taken = new Set<string>();
  return texts.map((text) => {
    const base = normalizedForId(text);
    for (let salt = 0; ; salt++) {
      const digest = createHash('sha256')
        .update(salt === 0 ? base : `${base}#${salt}`)
        .digest();
      const id = `${prefix}-${base32(digest, length)}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  });
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
