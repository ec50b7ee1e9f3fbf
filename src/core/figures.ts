/**
 * Figures in a sentence: the number, what it counts (the words after it) and the years around it.
 * Years, page numbers and note numbers are not figures.
 */
export interface Figure {
  value: number;
  /** As printed: "1,220,932", "1.3 million", "680,000". */
  raw: string;
  /** The words after the number, up to punctuation: "communists had been executed". */
  counts: string;
  years: string[];
}

const NUMBER = /(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|thousand|per cent|percent|%))?(?![\w/-]|,\d)/gi;

export function figuresIn(sentence: string): Figure[] {
  const years = [...new Set(sentence.match(/\b1[89]\d\d(?:[–-]\d{2,4})?\b/g) ?? [])];
  const out: Figure[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const digits = m[1]!;
    const scale = (m[2] ?? '').trim().toLowerCase();
    let value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value) || /^0\d/.test(digits)) continue;
    const plain = !digits.includes(',') && !scale;
    // A bare four-digit number between 1800 and 2099 is a year; small bare numbers are ordinals, pages or counts of little interest.
    if (plain && value >= 1800 && value <= 2099 && !digits.includes('.')) continue;
    if (plain && value < 100) continue;
    const before = sentence.slice(Math.max(0, m.index! - 6), m.index!);
    if (/\bpp?\.\s*$|\bNo\.?\s*$|\bn\.\s*$/i.test(before)) continue;
    if (scale === 'million') value *= 1_000_000;
    if (scale === 'thousand') value *= 1_000;
    const after = sentence.slice(m.index! + m[0].length);
    const counts = (/^\s*([^.,;:()\u2013\u2014"“”\d]{0,60})/.exec(after)?.[1] ?? '').trim().split(/\s+/).slice(0, 5).join(' ');
    out.push({ value, raw: m[0].trim(), counts, years });
  }
  return out;
}

export interface Relation {
  text: string;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Relations between figures of different sources: equal, one the sum of two others, or a ratio. */
export function relateFigures(figs: { source: string; figure: Figure }[]): Relation[] {
  const big = figs.filter((f) => f.figure.value >= 1000 && !f.figure.raw.includes('%'));
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < big.length; i++) {
    for (let j = i + 1; j < big.length; j++) {
      const a = big[i]!;
      const b = big[j]!;
      if (a.source === b.source) continue;
      const key = [a.figure.value, b.figure.value].sort().join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      const hi = Math.max(a.figure.value, b.figure.value);
      const lo = Math.min(a.figure.value, b.figure.value);
      if (hi === lo) out.push({ text: `${a.source} and ${b.source} give the same figure, ${a.figure.raw}.` });
      else if ((hi - lo) / hi <= 0.05) out.push({ text: `${a.source} (${a.figure.raw}) and ${b.source} (${b.figure.raw}) differ by ${fmt(hi - lo)}, ${(((hi - lo) / hi) * 100).toFixed(1)}% of the larger.` });
    }
  }
  for (const c of big) {
    for (let i = 0; i < big.length; i++) {
      for (let j = i + 1; j < big.length; j++) {
        const a = big[i]!;
        const b = big[j]!;
        if (a === c || b === c || a.source !== b.source || a.source === c.source) continue;
        if (Math.abs(a.figure.value + b.figure.value - c.figure.value) <= c.figure.value * 0.001) {
          out.push({ text: `${a.source}'s ${a.figure.raw} + ${b.figure.raw} = ${fmt(a.figure.value + b.figure.value)}, which is ${c.source}'s ${c.figure.raw}.` });
        }
      }
    }
  }
  return out.slice(0, 6);
}
