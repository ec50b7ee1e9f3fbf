/** Physical lines with their 1-based numbers, the unit every profile starts from. */
export interface Line {
  n: number;
  text: string;
}

export function toLines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t }));
}

export function nonEmpty(lines: Line[]): Line[] {
  return lines.filter((l) => l.text.replace(/[\s\u00a0]/g, '') !== '');
}
