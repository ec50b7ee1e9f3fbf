/** "/who Yezhov" → { command: "who", args: "Yezhov" }; text without a slash is a question for /ask. */
export function parseCommandLine(line: string): { command: string; args: string } {
  const t = line.trim();
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(t);
  if (m) return { command: m[1]!.toLowerCase(), args: m[2]! };
  return { command: 'ask', args: t };
}
