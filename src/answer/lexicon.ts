/**
 * The corpus vocabulary (stored at ingest) and the other forms of a word it holds: spellings
 * (collectivization / collectivisation, Rjutin / Ryutin, Ежов / Yezhov), near misses of names
 * (Kruschev → Khrushchev), numbers as words, and WordNet's synonyms, narrower and derived terms.
 */
import type { DB } from '../db/open.ts';
import { editDistance, foldDiacritics, nameKey, transliterate } from '../people/name-key.ts';
import { numberForms } from './numbers.ts';
import { relatedWords } from './wordnet.ts';
import { inflections } from './morphy.ts';
import { root } from '../search/roots.ts';

/** British and American spellings meet: -ise/-ize, -our/-or, -ence/-ense, doubled l. */
function spellingKey(word: string): string {
  return word
    .replace(/z/g, 's')
    .replace(/our/g, 'or')
    .replace(/ence\b/g, 'ense')
    .replace(/ll/g, 'l');
}

export interface WordForms {
  /** Corpus words that are this word, spelled otherwise (the word itself included when the corpus has it). */
  same: string[];
  /** Corpus words related in meaning, with how much a match on them counts (1 = the word itself). */
  related: Map<string, number>;
  /** Most often a verb: the question's predicate, which an answer must carry. */
  verb: boolean;
}

const SYNONYM = 0.7;
const DERIVED = 0.85;
const NARROWER = 0.85;
/** A derived form through a rarer sense of the word only ranks: it must not count as the word (0.7 does). */
const DERIVED_RARE = 0.6;
const ADHERENT = ['ist', 'ists', 'ite', 'ites', 'ism'];
/**
 * The purges' own usage, which WordNet files apart: a sentence of death carried out is "shot" as
 * often as "executed" in these texts ("sentenced to be shot"), while WordNet's "shoot" is firing a gun.
 */
const USAGE: Record<string, string[]> = { execute: ['shoot'], shoot: ['execute'] };
/** As much the word as the word itself: searched, paired and counted alike. */
const USAGE_WEIGHT = 1;

export class Lexicon {
  private readonly df = new Map<string, number>();
  private readonly bySpelling = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();
  private readonly byInitial = new Map<string, string[]>();
  /** Coarser still, for names only: "Bliukher" / "Blukher", "Riutin" / "Rjutin" (a glide before a vowel dropped). */
  private readonly byCoarseName = new Map<string, string[]>();
  private readonly forms = new Map<string, WordForms>();
  /** Passages per root (summed over the words sharing it, so an upper bound). */
  private readonly byRoot = new Map<string, number>();
  readonly passages: number;

  constructor(db: DB) {
    this.passages = Math.max(1, (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n);
    for (const { word, df } of db.prepare('SELECT word, df FROM words').iterate() as Iterable<{ word: string; df: number }>) {
      this.df.set(word, df);
      const r = root(word);
      this.byRoot.set(r, (this.byRoot.get(r) ?? 0) + df);
      if (/\d/.test(word)) continue;
      push(this.bySpelling, spellingKey(word), word);
      if (word.length >= 4) {
        const k = nameKey(word);
        push(this.byName, k, word);
        push(this.byCoarseName, coarse(k), word);
        push(this.byInitial, k[0] ?? '', word);
      }
    }
  }

  /** Passages that use the word exactly (lower case, folded). */
  docFreq(word: string): number {
    return this.df.get(word) ?? 0;
  }

  /** Passages using any word with this root, at most all of them. */
  rootFreq(r: string): number {
    return Math.min(this.passages, this.byRoot.get(r) ?? 0);
  }

  idf(df: number): number {
    return Math.log(1 + (this.passages - df + 0.5) / (df + 0.5));
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /** `name`: the word was written as a name, so a near miss of a corpus name may be meant. */
  /** `narrower`: count a verb's kinds ("murder" for "kill"); a question's predicate wants them, a topic's words do not. */
  formsOf(token: string, name = false, narrower = true): WordForms {
    const key = `${name ? 'N' : 'w'}${narrower ? 'n' : '-'}${token.toLowerCase()}`;
    let f = this.forms.get(key);
    if (!f) this.forms.set(key, (f = this.computeForms(token.toLowerCase(), name, narrower)));
    return f;
  }

  private computeForms(token: string, name: boolean, narrower: boolean): WordForms {
    const w = foldDiacritics(transliterate(token));
    const same = new Set<string>();
    if (this.df.has(token)) same.add(token);
    if (this.df.has(w)) same.add(w);
    for (const x of this.bySpelling.get(spellingKey(w)) ?? []) same.add(x);
    for (const n of numberForms(w)) if (this.df.has(n)) same.add(n);
    if (w.length >= 4 && !/\d/.test(w)) {
      const k = nameKey(w);
      // Transliterations of one name share a key; an unknown word may be a near miss of a name.
      for (const x of this.byName.get(k) ?? []) same.add(x);
      if (name) for (const x of this.byCoarseName.get(coarse(k)) ?? []) same.add(x);
      if (name && !same.size && w.length >= 5) {
        const limit = w.length >= 9 ? 2 : 1;
        let best: string | null = null;
        for (const x of this.byInitial.get(k[0] ?? '') ?? []) {
          if (Math.abs(x.length - w.length) > 2) continue;
          if (editDistance(nameKey(x), k) <= limit && (!best || this.docFreq(x) > this.docFreq(best))) best = x;
        }
        // Another first letter too: "Kruschev" for "Khrushchev" differs at its second.
        if (!best)
          for (const [kk, words] of this.byName)
            if (Math.abs(kk.length - k.length) <= 1 && editDistance(kk, k) <= limit)
              for (const x of words) if (!best || this.docFreq(x) > this.docFreq(best)) best = x;
        if (best) same.add(best);
      }
    }
    const related = new Map<string, number>();
    let verb = false;
    if (!/\d/.test(w)) {
      const r = relatedWords(w);
      verb = r.pos === 'verb';
      // The word's own inflections are the word: "die" is "died", "fallen" is "fell".
      for (const base of [w, ...r.lemmas]) for (const x of inflections(base)) if (this.df.has(x)) same.add(x);
      const add = (x: string, weight: number) => {
        for (const y of [x, ...(this.bySpelling.get(spellingKey(x)) ?? [])]) {
          if (!this.df.has(y) || same.has(y)) continue;
          related.set(y, Math.max(related.get(y) ?? 0, weight));
        }
      };
      for (const x of r.lemmas) add(x, 1);
      for (const x of r.derived) add(x, DERIVED);
      for (const x of r.derivedRare) add(x, DERIVED_RARE);
      // An adherent of a side or a person is derived from it as WordNet does not say: "Rightists" for
      // "right", "Trotskyites" for "Trotsky", "Leninism" for "Lenin".
      if (w.length >= 4) for (const suffix of ADHERENT) add(w + suffix, DERIVED);
      // And the other way for a name: "Zinovievites" are Zinoviev's, "Trotskyists" Trotsky's.
      if (name) for (const suffix of ADHERENT) if (w.endsWith(suffix) && w.length - suffix.length >= 4) add(w.slice(0, -suffix.length), DERIVED);
      for (const x of r.synonyms) add(x, SYNONYM);
      for (const lemma of r.lemmas) for (const x of USAGE[lemma] ?? []) for (const y of inflections(x)) add(y, USAGE_WEIGHT);
      if (narrower) for (const x of r.narrower) add(x, NARROWER);
    }
    return { same: [...same], related, verb };
  }
}

function coarse(key: string): string {
  return key.replace(/[iy](?=[aeou])/g, '');
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const cache = new WeakMap<DB, Lexicon>();

/** One lexicon per database; a re-ingest calls resetLexicon. */
export function lexicon(db: DB): Lexicon {
  let l = cache.get(db);
  if (!l) cache.set(db, (l = new Lexicon(db)));
  return l;
}

export function resetLexicon(db: DB): void {
  cache.delete(db);
}
