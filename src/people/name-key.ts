/**
 * A spelling-insensitive key for personal names, so transliteration variants meet:
 * Yezhov / Ezhov / Ежов, Tukhachevsky / Tukhachevski, Yagoda / Jagoda, Yenukidze / Enukidze,
 * Ordzhonikidze / Orjonikidze, Nikolayev / Nikolaev, Zinoviev / Zinovyev, Eysmont / Eismont.
 * Double letters are kept, so "Marshal" and "Marshall" stay apart.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

export function transliterate(s: string): string {
  return [...s.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
}

export function foldDiacritics(s: string): string {
  // Plain ASCII has nothing to fold, and most text is plain ASCII: decomposing it is the cost of ingest's word passes.
  if (!/[\u0080-\uffff]/.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

export function nameKey(name: string): string {
  let s = transliterate(foldDiacritics(name)).replace(/[^a-z]/g, '');
  s = s
    .replace(/dzh|dj/g, 'j')
    .replace(/shch|sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/kh/g, 'h')
    .replace(/tz/g, 'ts')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/(ii|iy|yi|ij|yy)$/g, 'i') // -ий, -ый: Tukhachevskii, Neizvestnyy
    .replace(/y$/g, 'i')
    .replace(/([aeiou])y(?=[aeiou])/g, '$1') // Nikolayev → Nikolaev
    .replace(/(?<=[aeiou])y/g, 'i') // Eysmont → Eismont, Kuybyshev → Kuibyshev
    .replace(/ii(?=[aeiou])/g, 'i') // -ия: Rossiia → Rossiya
    .replace(/^y(?=[aeiou])/, '') // Yezhov → ezhov, Jagoda → agoda
    .replace(/(?<=[bcdfghklmnprstvz])y(?=[aeiou])/g, 'i') // Zinovyev → zinoviev
    .replace(/ie/g, 'e');
  // Double letters are kept: they tell names apart ("Marshal" the title, "Marshall" the surname).
  return s;
}

/** Damerau–Levenshtein distance (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
