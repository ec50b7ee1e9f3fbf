/** The whole segmented corpus as JSON Lines: what the bot can cite, for tools and moderators. */
import type { CorpusRepo } from '../corpus/repo.ts';

export function* exportLines(repo: CorpusRepo): Generator<string> {
  for (const s of repo.sources()) {
    for (const p of repo.passagesOf(s.meta.id)) {
      yield JSON.stringify({
        id: p.id,
        source: p.sourceId,
        kind: p.kind,
        section: p.sectionPath,
        pages: p.pages,
        speaker: p.speaker,
        quotedFrom: p.quotedFrom,
        notes: p.notes,
        text: p.text,
      });
    }
  }
}
