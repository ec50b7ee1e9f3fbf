/**
 * `/source add URL` and `/source remove ID`: a space's moderators add a reading (a file attached
 * on Discord, or a platform file link) that only their group sees, or take one of theirs out.
 * The file is downloaded within limits, read by its bytes, validated and written whole before the
 * index is rebuilt; any refusal leaves the corpus as it was.
 */
import type { CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { addReading, ReadingRefused, removeReading } from '../corpus/readings.ts';
import { isModerator } from '../moderation/permissions.ts';
import { DEFAULT_MAX_BYTES, ReadingError } from '../readings/index.ts';
import { download } from '../readings/download.ts';

/** Longest a download may take before it is given up. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

export type ReadingVerb = 'add' | 'remove';

export async function changeReadings(ctx: CommandContext, req: Request, verb: ReadingVerb, target: string): Promise<Reply> {
  if (!isModerator(ctx, req)) return errorReply('Moderators only', `/source ${verb} is for this group's moderators. Nothing was changed.`);
  const corpus = ctx.corpus;
  if (!corpus) return errorReply('Read-only', 'Sourcebook cannot write its corpus folder here, so readings cannot be added or removed. Nothing was changed.');
  const space = spaceKey(req.where);
  try {
    if (verb === 'remove') {
      const meta = removeReading(corpus.dir, target, space);
      corpus.reindex();
      return reply({
        kind: 'notice',
        ephemeral: true,
        title: `Removed: ${meta.id}`,
        blocks: [{ type: 'paragraph', text: `${meta.title} is no longer one of this group's sources.` }],
      });
    }
    const headers = corpus.fileHeaders[hostOf(target)];
    const file = await download(target, {
      maxBytes: DEFAULT_MAX_BYTES,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
      hosts: corpus.fileHosts,
      ...(headers ? { headers: { ...headers } } : {}),
    });
    const r = await addReading({ corpusDir: corpus.dir, bytes: file.bytes, fileName: file.fileName, space });
    if (r.status === 'added') corpus.reindex();
    const pages = r.pages ? `${r.pages} pages, ` : '';
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: r.status === 'added' ? `Added: ${r.id}` : `Already here: ${r.id}`,
      blocks: [
        {
          type: 'paragraph',
          text:
            r.status === 'added'
              ? `${r.title}: ${pages}${r.sections} sections, ${r.passages} passages, ${r.notes} notes. Only this group sees it; /source ${r.id} shows its card, /source remove ${r.id} takes it out.`
              : `${r.title} is already one of this group's sources (the same file). Nothing was changed.`,
        },
        ...(r.warnings.length ? [{ type: 'list' as const, items: r.warnings.map((w) => `Warning: ${w}`) }] : []),
      ],
    });
  } catch (e) {
    if (e instanceof ReadingError || e instanceof ReadingRefused)
      return errorReply(`/source ${verb}: not done`, `${capitalised(e.message)}. Nothing was changed.`);
    throw e;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
