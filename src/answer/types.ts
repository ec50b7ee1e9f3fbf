/** The answer engine's shared types, apart so its modules import them without importing each other. */

/** A part of speech as WordNet files it. */
export type Pos = 'noun' | 'verb' | 'adj';

export type Want = 'person' | 'time' | 'number' | 'place' | 'reason' | 'position' | 'fate' | null;

export interface Concept {
  /** The word as typed, lower case. */
  token: string;
  /** Root → how much a match counts: 1 for the word and its spellings, less for related words. */
  roots: Map<string, number>;
  /** Corpus words to search for. */
  words: string[];
  /** Passages using the word or one of its spellings (related words not counted). */
  df: number;
  idf: number;
  /** Written as a name in the question. */
  name: boolean;
  /** The question's predicate ("die", "protest"): what the answer sentence itself must say. */
  verb: boolean;
}

export interface Question {
  text: string;
  want: Want;
  /** A second question word joined to the first ("when and where"): either kind of answer will do. */
  also: Want;
  concepts: Concept[];
  /** Words of the question the corpus never uses, in any form. */
  missing: string[];
}
