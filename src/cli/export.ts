/** The whole segmented corpus as JSON Lines: what the bot can cite, for tools and moderators. */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { SourceMeta } from '../corpus/metadata.ts';
import type { Passage } from '../corpus/types.ts';
import { otherVoice } from '../corpus/cite.ts';
import { compilationVoice } from '../corpus/voice.ts';
import { notesOfSentences } from '../corpus/sentence-notes.ts';
import { reportedClaimAt } from '../core/quotes.ts';

/** Who speaks a passage's sentences when it is not the document's author: an interviewer, or a compilation's named speaker. */
function speakerOf(meta: SourceMeta, p: Passage): string | null {
  return otherVoice(meta, p) ?? compilationVoice(p)?.speaker ?? null;
}

export function* exportLines(repo: CorpusRepo): Generator<string> {
  for (const s of repo.sources()) {
    const meta = s.meta;
    for (const p of repo.passagesOf(s.meta.id)) {
      yield JSON.stringify({
        id: p.id,
        source: p.sourceId,
        kind: p.kind,
        section: p.sectionPath,
        pages: p.pages,
        speaker: p.speaker,
        quotedFrom: p.quotedFrom,
        notes: p.notes.map(({ number, text }) => ({ number, text })),
        text: p.text,
        // Per sentence: who speaks, whose claim it reports, and the notes whose markers stand in it.
        sentences: p.sentences.map((s, i) => ({
          text: p.text.slice(s.start, s.end),
          start: s.start,
          end: s.end,
          speaker: speakerOf(meta, p),
          reportedClaimOf: reportedClaimAt(p, i),
          notes: notesOfSentences(p, i).map((n) => n.number),
        })),
      });
    }
  }
}
