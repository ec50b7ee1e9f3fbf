/**
 * "According to Reiman, …", "What does Emelyanov say about …", "in Maskharashvili's view": a
 * question that names one of the corpus's sources asks what that source says, and is answered
 * from it alone. The naming words are not sought in the text (the source never names itself).
 */
import { authorLabel } from '../corpus/cite.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import { escapeRe } from '../core/word-pattern.ts';

export interface AskedSource {
  sourceId: string;
  /** How the question named it: "Maskharashvili". */
  label: string;
  /** The question without the naming words: "Who organised the murder of Kirov?". */
  rest: string;
}

/** The words a study group names a source by: its authors' surnames, or a short form of its title. */
function namesOf(repo: CorpusRepo): { sourceId: string; label: string; name: string }[] {
  return repo.sources().flatMap((s) => {
    const label = authorLabel(s.meta);
    const names = s.meta.authors.length ? s.meta.authors.map((a) => a.family) : [label, 'the compilation', 'the quote compilation'];
    return names.filter((n) => n.length >= 3).map((name) => ({ sourceId: s.meta.id, label, name }));
  });
}

export function askedSource(repo: CorpusRepo, question: string): AskedSource | null {
  const lower = question.toLowerCase();
  for (const { sourceId, label, name } of namesOf(repo)) {
    // Most questions name no source: a plain search rules each out before any pattern is built.
    if (!lower.includes(name.toLowerCase())) continue;
    const n = escapeRe(name);
    const patterns = [
      // "According to Reiman, who …?", "… according to Emelyanov?"
      new RegExp(`,?\\s*\\baccording to ${n}(?:['’]s\\s+\\p{L}+)?\\b,?`, 'iu'),
      // "In Reiman's view (account, opinion, words), …"
      new RegExp(`,?\\s*\\b(?:in|by) ${n}['’]s? (?:view|account|opinion|words|telling|reading|interpretation|book|essay|interview|article)\\b,?`, 'iu'),
      // "What does Emelyanov say about …", "How does Reiman explain …", "Does Goble claim that …"
      new RegExp(`\\b(does|did|do) ${n} (say|write|claim|argue|think|explain|describe|see|believe|suggest|mean)\\b`, 'iu'),
    ];
    for (const [i, re] of patterns.entries()) {
      const m = re.exec(question);
      if (!m) continue;
      // "What does Reiman say about the quotas?" → "What about the quotas?": the verb of saying goes with the name.
      const rest = (i === 2 ? question.replace(re, (_all, aux: string) => aux) : question.replace(re, ' '))
        .replace(/\s+/g, ' ')
        .replace(/\s+([?.!,])/g, '$1')
        .trim();
      return { sourceId, label, rest: rest.charAt(0).toUpperCase() + rest.slice(1) };
    }
  }
  return null;
}
