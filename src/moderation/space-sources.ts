/**
 * Which sources a space sees: the shared ones its moderators did not turn off, and its own
 * readings; never another space's readings. Every command answers from a view of the corpus
 * narrowed to these (see CorpusRepo.view), and quizzes leave out questions resting on the rest.
 */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Source } from '../corpus/types.ts';
import type { DB } from '../db/open.ts';
import type { SpaceState } from '../core/command.ts';
import { readForSpace } from '../core/space-state.ts';
import { sourcesOff } from './sources-off-store.ts';

/** A source every space shares: bundled, or added without a space. */
export function shared(s: Source): boolean {
  return s.meta.space === undefined;
}

/** Read once per request (`state`): the view and the hidden passages of one request both need it. */
export function visibleSources(db: DB, repo: CorpusRepo, space: string, state?: SpaceState): ReadonlySet<string> {
  return readForSpace(state, space, 'visible-sources', () => {
    const off = sourcesOff(db, space);
    return new Set(
      repo
        .whole()
        .sources()
        .filter((s) => (shared(s) || s.meta.space === space) && !off.has(s.meta.id))
        .map((s) => s.meta.id),
    );
  });
}

/** The passages of every source this space does not see: left out wherever hidden passages are. */
export function unseenPassages(db: DB, repo: CorpusRepo, space: string, state?: SpaceState): string[] {
  const visible = visibleSources(db, repo, space, state);
  const unseen = repo
    .whole()
    .sources()
    .filter((s) => !visible.has(s.meta.id))
    .map((s) => s.meta.id);
  return repo.passageIdsOf(unseen);
}

/** The corpus as this space sees it: the whole corpus itself when it sees every source (no filter on each search). */
export function spaceRepo(db: DB, repo: CorpusRepo, space: string, state?: SpaceState): CorpusRepo {
  const whole = repo.whole();
  const visible = visibleSources(db, repo, space, state);
  return visible.size === whole.sources().length ? whole : whole.view(visible);
}
