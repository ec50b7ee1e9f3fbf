/**
 * The question bank: generated questions stored per corpus fingerprint (generated at first use),
 * moderators' own questions per space, and each space's moderation of them. The moderation
 * functions return before/after snapshots so the caller can write an audit log.
 */
import { z } from 'zod';
import { CorpusRepo } from '../corpus/repo.ts';
import { storedFingerprint } from '../corpus/store.ts';
import type { DB } from '../db/open.ts';
import { PeopleIndex } from '../people/index.ts';
import { generateQuestions } from './generate.ts';
import { upgradeBody } from './legacy.ts';
import { getSettings, saveSettings, type QuizSettings } from './settings.ts';
import { norm, stableId } from './text.ts';
import {
  NoteBySchema,
  QuestionBodySchema,
  STATUSES,
  type Change,
  type NoteBy,
  type Question,
  type QuestionBody,
  type QuestionSnapshot,
  type QuestionStatus,
} from './types.ts';
import { questionProblem } from './validate.ts';

const Row = z.object({
  id: z.string(),
  space: z.string().nullable(),
  body_json: z.string(),
  status: z.enum(STATUSES).nullable(),
  override_json: z.string().nullable(),
});
type Row = z.infer<typeof Row>;

function asRow(raw: unknown): Row | null {
  const r = raw ? Row.safeParse(raw) : null;
  return r?.success ? r.data : null;
}

/** Parsed bodies by their JSON text: the pool is read on every /quiz. */
const parsed = new Map<string, QuestionBody | null>();

function parseBody(json: string | null): QuestionBody | null {
  if (json === null) return null;
  let hit = parsed.get(json);
  if (hit === undefined) {
    try {
      const r = QuestionBodySchema.safeParse(JSON.parse(json));
      hit = r.success ? upgradeBody(r.data) : null;
    } catch {
      hit = null;
    }
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(json, hit);
  }
  return hit;
}

/** The stored fields of a question (a snapshot or question carries more). */
export function bodyOf(q: QuestionBody): QuestionBody {
  const { kind, prompt, stem, options, answer, passageId, quote, note, noteBy, also, topic, centrality } = q;
  return {
    kind,
    prompt,
    stem,
    options,
    answer,
    passageId,
    quote,
    ...(note ? { note, ...(noteBy ? { noteBy } : {}) } : {}),
    ...(also?.length ? { also } : {}),
    ...(topic ? { topic } : {}),
    ...(centrality !== undefined ? { centrality } : {}),
  };
}

/** Who wrote a note stored before notes were attributed: a moderator, unless it is the generated one. */
const LEGACY_NOTE_BY: NoteBy = { name: 'this group’s moderators' };

// ---------------------------------------------------------------- generation

/**
 * Bumped when generation changes what questions say (not only which are made), so a stored bank
 * is regenerated; questions that did not change keep their ids, and so their per-space status.
 */
export const GENERATOR_VERSION = 10;

/** The key a bank is stored under: the corpus fingerprint and the generator version. */
export function bankKey(db: DB): string | null {
  const fingerprint = storedFingerprint(db);
  return fingerprint ? `${fingerprint}/g${GENERATOR_VERSION}` : null;
}

export interface BankDeps {
  repo?: CorpusRepo;
  people?: PeopleIndex;
}

/**
 * Makes sure the current corpus's questions are stored; returns the bank key (null without a
 * corpus). Generation runs outside the write lock; the write re-checks, so two processes starting
 * together store the bank once.
 */
export function ensureBank(db: DB, deps: BankDeps = {}): string | null {
  const fingerprint = bankKey(db);
  if (!fingerprint) return null;
  if (db.prepare('SELECT 1 FROM quiz_banks WHERE fingerprint = ?').get(fingerprint)) return fingerprint;
  // One bank for every space, so only from the sources every space shares: a space's own reading is never asked about elsewhere.
  const whole = (deps.repo ?? new CorpusRepo(db)).whole();
  const shared = new Set(whole.sources().flatMap((s) => (s.meta.space === undefined ? [s.meta.id] : [])));
  // Nor is anyone named only there offered as a wrong option.
  const questions = generateQuestions({ db, repo: whole.view(shared), people: (deps.people ?? PeopleIndex.load(db)).seenIn(shared) });
  const upsert = db.prepare(
    `INSERT INTO quiz_questions (id, fingerprint, space, kind, ord, body_json, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint, ord = excluded.ord, body_json = excluded.body_json`,
  );
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM quiz_banks WHERE fingerprint = ?').get(fingerprint)) return;
    const now = Date.now();
    questions.forEach((q, i) => upsert.run(q.id, fingerprint, q.kind, i, JSON.stringify(bodyOf(q)), now));
    db.prepare('INSERT INTO quiz_banks (fingerprint, questions, created_at) VALUES (?, ?, ?)').run(fingerprint, questions.length, now);
  }).immediate();
  return fingerprint;
}

// ---------------------------------------------------------------- reading

const SELECT = `SELECT q.id, q.space, q.body_json, s.status, s.override_json
  FROM quiz_questions q LEFT JOIN quiz_question_space s ON s.question_id = q.id AND s.space = ?`;

function toSnapshot(row: Row, space: string, settings: QuizSettings): QuestionSnapshot | null {
  const base = parseBody(row.body_json);
  let body = parseBody(row.override_json) ?? base;
  if (!body) return null;
  const origin = row.space === null ? 'generated' : 'moderator';
  if (body.note && !body.noteBy && (origin === 'moderator' || body.note !== base?.note)) body = { ...body, noteBy: LEGACY_NOTE_BY };
  // A stored 'pending' means no decision yet (the row may exist only to hold an edit).
  const decided = row.status === 'approved' || row.status === 'rejected' ? row.status : null;
  const status: QuestionStatus = decided ?? (origin === 'generated' && settings.approval ? 'pending' : 'approved');
  return { ...body, id: row.id, origin, space, status };
}

/** Whether a question may be posted in the space under its settings. */
export function playable(q: QuestionSnapshot, settings: QuizSettings): boolean {
  return settings.approval ? q.status === 'approved' : q.status !== 'rejected';
}

/** Every question this space can see (current generated ones and its own), with its status. */
export function spaceQuestions(db: DB, space: string): QuestionSnapshot[] {
  const fingerprint = bankKey(db);
  const settings = getSettings(db, space);
  const rows = db.prepare(`${SELECT} WHERE q.fingerprint = ? OR q.space = ? ORDER BY q.space IS NOT NULL, q.ord`).all(space, fingerprint, space);
  const out: QuestionSnapshot[] = [];
  for (const raw of rows) {
    const row = asRow(raw);
    const snap = row ? toSnapshot(row, space, settings) : null;
    if (snap) out.push(snap);
  }
  return out;
}

/** One question as the space sees it, or null when it does not exist there. */
export function getQuestion(db: DB, space: string, id: string): QuestionSnapshot | null {
  const row = asRow(db.prepare(`${SELECT} WHERE q.id = ? AND (q.space IS NULL OR q.space = ?)`).get(space, id, space));
  return row ? toSnapshot(row, space, getSettings(db, space)) : null;
}

// ---------------------------------------------------------------- moderation

export function setApproval(db: DB, space: string, on: boolean): Change<QuizSettings> {
  return db
    .transaction((): Change<QuizSettings> => {
      const before = getSettings(db, space);
      const after = { ...before, approval: on };
      saveSettings(db, after);
      return { ok: true, before, after };
    })
    .immediate();
}

/** Generated questions waiting for this space's approval (none while approval is off). */
export function pendingQuestions(db: DB, space: string): QuestionSnapshot[] {
  ensureBank(db);
  if (!getSettings(db, space).approval) return [];
  return spaceQuestions(db, space).filter((q) => q.status === 'pending');
}

function setStatus(db: DB, space: string, id: string, status: QuestionStatus): Change<QuestionSnapshot> {
  return db
    .transaction((): Change<QuestionSnapshot> => {
      const before = getQuestion(db, space, id);
      if (!before) return { ok: false, error: `No question “${id}” in this space.` };
      db.prepare(
        `INSERT INTO quiz_question_space (space, question_id, status, override_json, updated_at) VALUES (?, ?, ?, NULL, ?)
         ON CONFLICT(space, question_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      ).run(space, id, status, Date.now());
      return { ok: true, before, after: getQuestion(db, space, id)! };
    })
    .immediate();
}

export function approveQuestion(db: DB, space: string, id: string): Change<QuestionSnapshot> {
  return setStatus(db, space, id, 'approved');
}

export function rejectQuestion(db: DB, space: string, id: string): Change<QuestionSnapshot> {
  return setStatus(db, space, id, 'rejected');
}

export const QuestionPatchSchema = z
  .object({
    prompt: z.string().trim().min(1).max(120),
    stem: z.string().trim().min(10).max(1000),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(5),
    answer: z.number().int().min(0),
    passageId: z.string().trim().min(1).max(60),
    quote: z.string().min(1).max(2000),
    note: z.string().trim().max(300),
    /** Who wrote `note`; a note given without it is the bot's own words. */
    noteBy: NoteBySchema,
  })
  .partial()
  .strict();
export type QuestionPatch = z.infer<typeof QuestionPatchSchema>;

/**
 * Edits a question for this space only. A generated question is shared by every space, so the
 * edit is kept as this space's override; a moderator's own question is changed in place.
 */
export function editQuestion(db: DB, space: string, id: string, patch: unknown): Change<QuestionSnapshot> {
  const p = QuestionPatchSchema.safeParse(patch);
  if (!p.success) return { ok: false, error: p.error.issues[0]?.message ?? 'That edit is not valid.' };
  return db
    .transaction((): Change<QuestionSnapshot> => {
      const before = getQuestion(db, space, id);
      if (!before) return { ok: false, error: `No question “${id}” in this space.` };
      // A new note carries its own author (or none): the old note's author does not sign it.
      const noteBy = p.data.note !== undefined ? p.data.noteBy : (p.data.noteBy ?? before.noteBy);
      const body = bodyOf({ ...before, ...p.data, noteBy, ...(p.data.note === '' ? { note: undefined } : {}) });
      const problem = questionProblem(new CorpusRepo(db), body);
      if (problem) return { ok: false, error: problem };
      const json = JSON.stringify(body);
      if (before.origin === 'moderator') {
        db.prepare('UPDATE quiz_questions SET body_json = ? WHERE id = ? AND space = ?').run(json, id, space);
      } else {
        // An edit is not an approval: a new row records no decision ('pending').
        db.prepare(
          `INSERT INTO quiz_question_space (space, question_id, status, override_json, updated_at) VALUES (?, ?, 'pending', ?, ?)
           ON CONFLICT(space, question_id) DO UPDATE SET override_json = excluded.override_json, updated_at = excluded.updated_at`,
        ).run(space, id, json, Date.now());
      }
      return { ok: true, before, after: getQuestion(db, space, id)! };
    })
    .immediate();
}

export const NewQuestionSchema = z
  .object({
    stem: z.string().trim().min(10, 'The question needs at least 10 characters.').max(1000),
    options: z.array(z.string().trim().min(1).max(200)).min(2, 'Give at least two options.').max(5, 'At most five options.'),
    answer: z.number().int().min(0),
    passageId: z.string().trim().toLowerCase().min(1).max(60),
    /** Verbatim text of the passage to quote; defaults to its opening sentences. */
    quote: z.string().min(1).max(2000).optional(),
    prompt: z.string().trim().min(1).max(120).optional(),
    note: z.string().trim().max(300).optional(),
    /** The moderator adding it: signs the note. */
    by: z.string().max(100).optional(),
    noteBy: NoteBySchema.optional(),
  })
  .strict();
export type NewQuestion = z.infer<typeof NewQuestionSchema>;

/** A moderator's own question, tied to a passage that must exist; it joins this space's bank approved. */
export function addQuestion(db: DB, space: string, input: unknown): Change<QuestionSnapshot> {
  const p = NewQuestionSchema.safeParse(input);
  if (!p.success) return { ok: false, error: p.error.issues[0]?.message ?? 'That question is not valid.' };
  const repo = new CorpusRepo(db);
  const passage = repo.passage(p.data.passageId);
  if (!passage) return { ok: false, error: `No passage has the id “${p.data.passageId}”. Passage ids look like rei-87dfk and appear under every quote.` };
  const body = bodyOf({
    kind: 'custom',
    prompt: p.data.prompt ?? 'Question from the moderators',
    stem: p.data.stem,
    options: p.data.options,
    answer: p.data.answer,
    passageId: passage.id,
    quote: p.data.quote ?? openingSentences(passage.text, passage.sentences),
    ...(p.data.note ? { note: p.data.note, noteBy: p.data.noteBy ?? { name: p.data.by?.trim() || LEGACY_NOTE_BY.name } } : {}),
  });
  const problem = questionProblem(repo, body);
  if (problem) return { ok: false, error: problem };
  const id = stableId('m', space, body.stem, body.options.join('\u0001'), body.passageId);
  return db
    .transaction((): Change<QuestionSnapshot> => {
      if (spaceQuestions(db, space).some((q) => norm(q.stem) === norm(body.stem)))
        return { ok: false, error: 'This space already has a question with that wording.' };
      const now = Date.now();
      db.prepare('INSERT INTO quiz_questions (id, fingerprint, space, kind, ord, body_json, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?)').run(
        id,
        space,
        body.kind,
        now,
        JSON.stringify(body),
        now,
      );
      db.prepare("INSERT INTO quiz_question_space (space, question_id, status, override_json, updated_at) VALUES (?, ?, 'approved', NULL, ?)").run(
        space,
        id,
        now,
      );
      return { ok: true, before: null, after: getQuestion(db, space, id)! };
    })
    .immediate();
}

/** The first sentences of a passage, up to about 600 characters (verbatim). */
function openingSentences(text: string, sentences: { start: number; end: number }[]): string {
  const first = sentences[0];
  if (!first) return text.slice(0, 600);
  let end = first.end;
  for (const s of sentences.slice(1)) {
    if (s.end - first.start > 600) break;
    end = s.end;
  }
  return text.slice(first.start, end);
}

export type { Question };
