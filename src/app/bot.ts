/**
 * The platform-neutral bot: parses a request, checks permissions, runs the command and always
 * returns a Reply. Nothing thrown inside a command reaches an adapter.
 */
import { spaceKey } from '../core/request.ts';
import { clip } from '../core/text-safe.ts';
import { CorpusRepo } from '../corpus/repo.ts';
import { spaceRepo } from '../moderation/space-sources.ts';
import { PLATFORM_FILE_HOSTS } from '../readings/download.ts';
import { corpusDirFor, ensureCorpus } from '../corpus/ingest.ts';
import { loadErrata } from '../corpus/errata.ts';
import { openDb, type DB } from '../db/open.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_DB_FILE } from '../paths.ts';
import { PeopleIndex } from '../people/index.ts';
import { ActionStore } from '../core/actions.ts';
import type { Bot, CommandSpec, Suggestion } from '../core/bot-api.ts';
import type { CommandContext } from '../core/command.ts';
import { COMMANDS, findCommand } from './registry.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Asker, Request, Where } from '../core/request.ts';
import { suggest } from './suggest.ts';
import { stderrLogger, type Logger } from '../core/log.ts';
import { argsText, parseArgs } from './parse-args.ts';
import { resetLexicon } from '../answer/lexicon.ts';
import { isModerator } from '../moderation/permissions.ts';
import { withCuration } from '../moderation/curation-hook.ts';
import { createSpaceState } from '../core/space-state.ts';
import { bankKey, ensureBank } from '../quiz/bank.ts';
import { isDamage, resetIndex, withIndex } from '../db/index-file.ts';

const DAMAGED_INDEX = 'the corpus index is damaged; rebuilding it from corpus/';

export interface BotOptions {
  /** An open database (tests, benchmarks) or a file path; defaults to data/sourcebook.db. */
  db?: DB;
  dbPath?: string;
  corpusDir?: string;
  now?: () => Date;
  /** Where failures are logged; the app's pino logger, or `silentLogger` in tests. Default: lines on stderr. */
  logger?: Logger;
  /** Told before the corpus is (re)indexed at start, so a console can say why the first start pauses. */
  onIndexing?: () => void;
  /** Hosts readings may be downloaded from besides the platforms' file hosts (tests: the loopback server). */
  fileHosts?: readonly string[];
  /** Headers per file host: Slack serves a shared file only to a request carrying the bot's token. */
  fileHeaders?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface CoreBot extends Bot {
  readonly ctx: CommandContext;
  /** Does the one-off work (the question bank for the current corpus) before users arrive. */
  prepare(): void;
  mayBeSlow(): boolean;
  close(): void;
}

export function createBot(opts: BotOptions = {}): CoreBot {
  const db = opts.db ?? openDb(opts.dbPath ?? process.env.SOURCEBOOK_DB ?? DEFAULT_DB_FILE);
  const logger = opts.logger ?? stderrLogger();
  const log = (msg: string, err: unknown) => logger.error({ err }, msg);
  // An index damaged in the middle (its header intact) shows when it is first read: it is rebuilt, once.
  const { corpusDir, people } = withIndex(
    db,
    () => {
      const dir = corpusDirFor(db, opts.corpusDir ?? process.env.SOURCEBOOK_CORPUS, DEFAULT_CORPUS_DIR);
      ensureCorpus(db, dir, opts.onIndexing);
      return { corpusDir: dir, people: PeopleIndex.load(db) };
    },
    (e) => log(DAMAGED_INDEX, e),
  );
  const repo = new CorpusRepo(db);
  const ctx: CommandContext = { db, repo, people, actions: new ActionStore(db), now: opts.now ?? (() => new Date()), specs: COMMANDS.map((c) => c.spec) };
  if (!db.readonly) {
    ctx.corpus = {
      dir: corpusDir,
      fileHosts: [...PLATFORM_FILE_HOSTS, ...(opts.fileHosts ?? [])],
      fileHeaders: opts.fileHeaders ?? {},
      reindex: () => {
        ensureCorpus(db, corpusDir);
        refresh(true);
      },
    };
  }
  // Searches match a name in every spelling the corpus uses, whichever one was typed.
  repo.spellings = (token) => ctx.people.spellingsFor(token);
  repo.errata = loadErrata(corpusDir);

  // `sourcebook ingest` may rebuild the corpus under a running bot (another process, same file):
  // caches keyed to the old corpus are dropped when its fingerprint changes.
  const fingerprint = db.prepare("SELECT value FROM meta WHERE key = 'corpus_fingerprint'").pluck();
  let seen = fingerprint.get() as string | undefined;
  const bankStored = db.prepare('SELECT 1 FROM quiz_banks WHERE fingerprint = ?').pluck();
  function refresh(force = false): void {
    const now = fingerprint.get() as string | undefined;
    if (now === seen && !force) return;
    seen = now;
    repo.reset();
    ctx.people = PeopleIndex.load(db);
    peopleBySources.clear();
    // The vocabulary and its word forms are the corpus's: a re-ingest replaces them.
    resetLexicon(db);
  }

  /** The people index as a space sees it, one per set of visible sources (most spaces share the first). */
  const peopleBySources = new Map<string, PeopleIndex>();
  function peopleSeen(view: CorpusRepo): PeopleIndex {
    if (view === view.whole()) return ctx.people;
    const ids = view.sources().map((s) => s.meta.id);
    const key = ids.join('\u0000');
    let found = peopleBySources.get(key);
    if (!found) peopleBySources.set(key, (found = ctx.people.seenIn(new Set(ids))));
    return found;
  }

  async function handle(asked: Request): Promise<Reply> {
    refresh();
    const command = findCommand(asked.command);
    if (!command) return errorReply('Unknown command', `There is no /${clip(asked.command, 40, '…')} command. Try /help.`);
    const req: Request = asked.typed ? { ...asked, args: argsText(command, asked.typed) } : asked;
    try {
      // Buttons made while answering belong to this space; its settings are read once for the request.
      const key = spaceKey(req.where);
      // The corpus as this space sees it: its own readings and the shared sources it did not turn off.
      const space = createSpaceState(key);
      const repo = spaceRepo(db, ctx.repo, key, space);
      const here: CommandContext = { ...ctx, repo, people: peopleSeen(repo), actions: ctx.actions.scoped(db, key), space };
      if (command.spec.moderatorOnly && !isModerator(here, req)) {
        return reply({
          kind: 'refusal',
          ephemeral: true,
          title: 'Moderators only',
          blocks: [{ type: 'paragraph', text: `/${command.spec.name} is for this group's moderators. Nothing was changed.` }],
        });
      }
      const parsed = parseArgs(command, req);
      if (!parsed.success) return errorReply(`/${command.spec.name}: ${command.spec.usage}`, parsed.message);
      if (!command.spec.curatable) return await command.run(here, parsed.data, req);
      // A pinned answer is shown without running the command's queries.
      return await withCuration(here, req, { title: () => command.curatedTitle?.(here, parsed.data) ?? null, run: () => command.run(here, parsed.data, req) });
    } catch (err) {
      // A damaged corpus index is derived data: rebuilt from corpus/ at once, and the command run again.
      if (isDamage(err) && !rebuilding) return rebuildAndRetry(req, err);
      if (db.readonly && String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY')) {
        return errorReply(
          'Read-only',
          `Sourcebook is running read-only (its data folder cannot be written), so /${req.command} cannot record anything. Questions and profiles still work.`,
        );
      }
      log(`command /${req.command} failed`, err);
      return errorReply('Something went wrong', 'Sourcebook could not answer that. The error was logged; please try again or rephrase.');
    }
  }

  let rebuilding = false;
  async function rebuildAndRetry(req: Request, err: unknown): Promise<Reply> {
    log(DAMAGED_INDEX, err);
    rebuilding = true;
    try {
      resetIndex(db);
      ensureCorpus(db, corpusDir);
      refresh(true);
      return await handle(req);
    } finally {
      rebuilding = false;
    }
  }

  return {
    ctx,
    specs(): CommandSpec[] {
      return COMMANDS.map((c) => c.spec);
    },
    handle,
    async act(actionId: string, user: Asker, where: Where): Promise<Reply> {
      const payload = ctx.actions.resolve(actionId);
      if (!payload) return errorReply('This button has expired', 'Run the command again to get fresh buttons.');
      if (payload.space && payload.space !== spaceKey(where)) {
        return errorReply(
          `This button belongs to another ${where.platform === 'slack' ? 'workspace' : 'server'}`,
          'Nothing was done. Run the command here to get buttons of your own.',
        );
      }
      return handle({
        command: payload.command,
        args: payload.args,
        user,
        where,
        ...(payload.page ? { page: payload.page } : {}),
        ...(payload.shown ? { shown: payload.shown } : {}),
      });
    },
    prepare() {
      refresh();
      // Read-only, the question bank cannot be stored: quizzes say so when asked for.
      if (!db.readonly) ensureBank(db, { repo: ctx.repo, people: ctx.people });
    },
    mayBeSlow() {
      if (fingerprint.get() !== seen) return true;
      const key = bankKey(db);
      return key !== null && !bankStored.get(key);
    },
    suggest(command: string, option: string, partial: string, where: Where): Suggestion[] {
      try {
        refresh();
        const repo = spaceRepo(db, ctx.repo, spaceKey(where));
        return suggest({ ...ctx, repo, people: peopleSeen(repo) }, command, option, partial, where);
      } catch (err) {
        log('autocomplete failed', err);
        return [];
      }
    },
    close() {
      if (!opts.db) db.close();
    },
  };
}
