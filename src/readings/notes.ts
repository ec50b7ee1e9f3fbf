/**
 * Footnotes and endnotes while a document is being read. A reader puts a ref token where a marker
 * stood and files the note's text under a key of its own choosing; finish() numbers them.
 */

const REF_OPEN = '\uE000';
const REF_CLOSE = '\uE001';
const REF = /\uE000([^\uE001]*)\uE001/g;

interface Note {
  printed: string;
  text: string;
}

export class NoteBook {
  private readonly notes = new Map<string, Note>();

  /** The token to put in the text where the marker of note `key` stands. */
  ref(key: string): string {
    return `${REF_OPEN}${key}${REF_CLOSE}`;
  }

  define(key: string, printed: string, text: string): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) this.notes.set(key, { printed, text: clean });
  }

  has(key: string): boolean {
    return this.notes.has(key);
  }

  /**
   * Replaces ref tokens in `body` with `[^n]` and returns the definitions in marker order. Printed
   * numbers are kept when they are distinct numbers (a book numbered through); otherwise (footnotes and
   * endnotes both from 1, chapters restarting) notes are numbered 1..n in order of first marker.
   * A marker without a note, or a note without a marker, is dropped.
   */
  finish(body: string): { body: string; definitions: { number: string; text: string }[] } {
    const order: string[] = [];
    for (const m of body.matchAll(REF)) {
      const key = m[1]!;
      if (this.notes.has(key) && !order.includes(key)) order.push(key);
    }
    const printed = order.map((k) => this.notes.get(k)!.printed);
    const keep = printed.every((p) => /^\d{1,4}$/.test(p)) && new Set(printed).size === printed.length;
    const numberOf = new Map(order.map((k, i) => [k, keep ? printed[i]! : String(i + 1)]));
    const out = body.replace(REF, (_m, key: string) => {
      const n = numberOf.get(key);
      return n ? `[^${n}]` : '';
    });
    return { body: out, definitions: order.map((k) => ({ number: numberOf.get(k)!, text: this.notes.get(k)!.text })) };
  }
}

/** Ref tokens removed (for headings, titles and text statistics). */
export function withoutRefs(s: string): string {
  return s.replace(REF, '');
}
