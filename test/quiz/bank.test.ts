/** Moderation of the question bank per space: approval, rejection, edits and moderators' own questions. */
import { silentLogger } from '../../src/core/log.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey } from '../../src/core/request.ts';
import { storedFingerprint } from '../../src/corpus/store.ts';
import { createBot } from '../../src/app/bot.ts';
import { openDb } from '../../src/db/open.ts';
import {
  addQuestion,
  approveQuestion,
  bankKey,
  editQuestion,
  ensureBank,
  getQuestion,
  pendingQuestions,
  rejectQuestion,
  setApproval,
  spaceQuestions,
} from '../../src/quiz/bank.ts';
import { playableQuestions } from '../../src/quiz/pick.ts';
import { applyReview } from '../../src/quiz/review.ts';
import { ALICE, CORPUS_DIR, GUILD_A, GUILD_B, clock, postInfo, quizBot, run } from './helpers.ts';

let bot: CoreBot;
const A = spaceKey(GUILD_A);
const B = spaceKey(GUILD_B);

beforeAll(() => {
  bot = quizBot(clock());
  ensureBank(bot.ctx.db, bot.ctx);
}, 60_000);

const db = () => bot.ctx.db;

describe('approval per space', () => {
  it('GIVEN approval is off (the default) THEN nothing is pending and /quiz posts generated questions', async () => {
    expect(pendingQuestions(db(), A)).toEqual([]);
    expect((await run(bot, '/quiz')).actions.length).toBeGreaterThan(1);
  });

  it('GIVEN approval turned on THEN setApproval returns before/after, every generated question is pending, and /quiz has nothing to post', async () => {
    const change = setApproval(db(), A, true);
    expect(change).toMatchObject({ ok: true, before: { approval: false }, after: { approval: true } });
    const pending = pendingQuestions(db(), A);
    expect(pending.length).toBeGreaterThanOrEqual(30);
    expect(pending.every((q) => q.status === 'pending' && q.origin === 'generated')).toBe(true);
    const r = await run(bot, '/quiz');
    expect(r.title).toBe('No quiz questions yet');
    expect(r.actions).toEqual([]);
  });

  it('GIVEN one question approved THEN /quiz posts exactly it, and another server (approval off) is unaffected', async () => {
    const q = pendingQuestions(db(), A)[0]!;
    const change = approveQuestion(db(), A, q.id);
    expect(change).toMatchObject({ ok: true, before: { id: q.id, status: 'pending' }, after: { id: q.id, status: 'approved' } });
    const info = postInfo(bot, await run(bot, '/quiz'));
    expect(info.body.stem).toBe(q.stem);
    expect(pendingQuestions(db(), A).some((p) => p.id === q.id)).toBe(false);
    expect(getQuestion(db(), B, q.id)?.status).toBe('approved');
    expect(pendingQuestions(db(), B)).toEqual([]);
  });

  it('GIVEN the approved question rejected THEN the snapshot says so and /quiz has nothing again', async () => {
    const approved = spaceQuestions(db(), A).find((q) => q.status === 'approved')!;
    expect(rejectQuestion(db(), A, approved.id)).toMatchObject({ ok: true, before: { status: 'approved' }, after: { status: 'rejected' } });
    expect((await run(bot, '/quiz')).title).toBe('No quiz questions yet');
  });

  it('GIVEN approval turned off again THEN a rejected question stays out of play (in that space only)', () => {
    const rejected = spaceQuestions(db(), A).find((q) => q.status === 'rejected')!;
    setApproval(db(), A, false);
    const playable = playableQuestions(bot.ctx, GUILD_A);
    expect(playable.length).toBeGreaterThanOrEqual(29);
    expect(playable.some((q) => q.id === rejected.id)).toBe(false);
    expect(playableQuestions(bot.ctx, GUILD_B).some((q) => q.id === rejected.id)).toBe(true);
  });

  it('GIVEN an unknown question id THEN approve/reject report an error and change nothing', () => {
    expect(approveQuestion(db(), A, 'qNOPE')).toEqual({ ok: false, error: 'No question “qNOPE” in this space.' });
    expect(rejectQuestion(db(), A, 'qNOPE').ok).toBe(false);
  });
});

describe('editing a question', () => {
  it('GIVEN a generated question edited in one space THEN the other space still sees the original, with before/after snapshots', () => {
    const q = spaceQuestions(db(), A).find((x) => x.kind === 'date' && x.status !== 'rejected')!;
    const change = editQuestion(db(), A, q.id, { prompt: 'In which year?', note: 'Dates in this passage are Old Style.' });
    expect(change).toMatchObject({ ok: true, before: { prompt: q.prompt }, after: { prompt: 'In which year?', note: 'Dates in this passage are Old Style.' } });
    expect(getQuestion(db(), A, q.id)?.prompt).toBe('In which year?');
    expect(getQuestion(db(), B, q.id)?.prompt).toBe(q.prompt);
  });

  it('GIVEN an edit that would put the answer in the stem, a missing passage, or a bad answer index THEN it is refused and nothing changes', () => {
    const q = spaceQuestions(db(), A).find((x) => x.kind === 'figure')!;
    const answer = q.options[q.answer]!;
    expect(editQuestion(db(), A, q.id, { stem: `${q.stem} (hint: ${answer})` })).toMatchObject({
      ok: false,
      error: expect.stringContaining('gives the answer away'),
    });
    expect(editQuestion(db(), A, q.id, { passageId: 'rei-zzzzz' })).toMatchObject({ ok: false, error: expect.stringContaining('No passage has the id') });
    expect(editQuestion(db(), A, q.id, { answer: 9 })).toMatchObject({ ok: false });
    expect(editQuestion(db(), A, q.id, { color: 'red' })).toMatchObject({ ok: false });
    expect(getQuestion(db(), A, q.id)).toEqual(q);
  });
});

describe("moderators' own questions", () => {
  const passage = () => bot.ctx.repo.passagesOf('goble-2019')[5]!;

  it('GIVEN a question citing an existing passage THEN it joins only this space’s bank, approved, and can be played', async () => {
    const p = passage();
    const quote = p.text.slice(p.sentences[0]!.start, p.sentences[0]!.end);
    const change = addQuestion(db(), A, {
      stem: 'Which secret police organ reported anti-Stalin attitudes among soldiers, according to Goble (2019)?',
      options: ['The OGPU', 'The Okhrana', 'The Gestapo'],
      answer: 0,
      passageId: p.id,
      quote,
    });
    expect(change.ok).toBe(true);
    if (!change.ok) return;
    expect(change.before).toBeNull();
    expect(change.after).toMatchObject({ origin: 'moderator', status: 'approved', passageId: p.id, quote, kind: 'custom' });
    expect(getQuestion(db(), B, change.after.id)).toBeNull();
    setApproval(db(), A, true);
    const info = postInfo(bot, await run(bot, '/quiz'));
    expect(info.body.stem).toContain('Which secret police organ');
    const fb = await bot.act(info.right, ALICE, GUILD_A);
    expect(fb.citations[0]).toMatchObject({ passage: p.id, quote });
    setApproval(db(), A, false);
  });

  it('GIVEN a passage id that does not exist, a quote not in the passage, or the same wording twice THEN it is refused', () => {
    const p = passage();
    const base = { stem: 'Where did Nakhayev lead his soldiers in August 1934?', options: ['Moscow', 'Leningrad'], answer: 0, passageId: p.id };
    expect(addQuestion(db(), A, { ...base, passageId: 'gob-00000' })).toMatchObject({ ok: false, error: expect.stringContaining('No passage has the id') });
    expect(addQuestion(db(), A, { ...base, quote: 'Nakhayev led 10,000 soldiers.' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('not verbatim'),
    });
    expect(addQuestion(db(), A, { ...base, options: ['Moscow', 'moscow'] })).toMatchObject({ ok: false, error: 'Two options are the same.' });
    expect(addQuestion(db(), A, base).ok).toBe(true);
    expect(addQuestion(db(), A, base)).toMatchObject({ ok: false, error: expect.stringContaining('already has a question') });
  });
});

describe('a bank stored by an earlier generator', () => {
  it('GIVEN questions stored under the corpus fingerprint alone (the generator before this one) THEN they are replaced: a compilation’s quotation no longer asks “Which source says this?”', () => {
    const db = openDb(':memory:');
    // A bot whose bank is not generated yet: the database holds only the earlier generator's.
    const other = createBot({ db, corpusDir: CORPUS_DIR, logger: silentLogger });
    const fingerprint = storedFingerprint(db)!;
    const current = bankKey(db)!;
    expect(current).not.toBe(fingerprint);
    // The old bank: one source question crediting Sinclair and Lyons's words (quoted by the compilation) to it.
    const old = {
      kind: 'source',
      prompt: 'Which source says this?',
      stem: '“I can only repeat that in my view the Soviet Union is today a city under siege.”',
      options: ['A', 'B'],
      answer: 1,
      passageId: 'rea-3s8yp',
      quote: 'x',
    };
    db.prepare("INSERT INTO quiz_questions (id, fingerprint, space, kind, ord, body_json, created_at) VALUES ('qOldBank0001', ?, NULL, 'source', 0, ?, 0)").run(
      fingerprint,
      JSON.stringify(old),
    );
    db.prepare('INSERT INTO quiz_banks (fingerprint, questions, created_at) VALUES (?, 1, 0)').run(fingerprint);
    ensureBank(db, other.ctx);
    const ids = spaceQuestions(db, A).map((q) => q.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(ids).not.toContain('qOldBank0001');
  });

  it('GIVEN a question of an earlier bank in a member’s review pile THEN after the bank is regenerated it is still served and its quote still cited: past answers stay valid', async () => {
    const db = openDb(':memory:');
    const c = clock();
    const bot = quizBot(c, db);
    ensureBank(db, bot.ctx);
    const fingerprint = storedFingerprint(db)!;
    // A question only the earlier generator made, answered wrong a day ago.
    const old = {
      kind: 'date',
      prompt: 'Which year fills the blank?',
      stem: 'Emelyanov (2012): “In ____, Yezhov was dismissed as head of the NKVD and replaced by Lavrentii Beria.”',
      options: ['1937', '1938', '1939', '1936'],
      answer: 1,
      passageId: 'x',
      quote: 'x',
    };
    const passage = bot.ctx.repo.passagesOf('emelyanov-2012').find((p) => p.text.includes('Yezhov was dismissed as head of the NKVD'))!;
    const s = passage.sentences.find((x) => passage.text.slice(x.start, x.end).includes('Yezhov was dismissed'))!;
    Object.assign(old, { passageId: passage.id, quote: passage.text.slice(s.start, s.end) });
    db.prepare("INSERT INTO quiz_questions (id, fingerprint, space, kind, ord, body_json, created_at) VALUES ('qRetired0001', ?, NULL, 'date', 0, ?, 0)").run(
      `${fingerprint}/g2`,
      JSON.stringify(old),
    );
    applyReview(db, { space: A, userId: ALICE.id, questionId: 'qRetired0001', correct: false, now: c.t - 2 * 24 * 3600_000 });
    expect(spaceQuestions(db, A).map((q) => q.id)).not.toContain('qRetired0001');
    const r = await run(bot, '/quiz review', ALICE);
    expect(postInfo(bot, r).body.stem).toBe(old.stem);
  });
});
