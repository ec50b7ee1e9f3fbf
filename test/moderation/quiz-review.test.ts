import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { listEntries } from '../../src/moderation/audit.ts';
import { bodyOf, ensureBank, getQuestion, spaceQuestions } from '../../src/quiz/bank.ts';
import { createRun, insertPost } from '../../src/quiz/posts.ts';
import type { QuestionSnapshot } from '../../src/quiz/types.ts';
import { ADMIN, EMELYANOV_YEZHOV, NOW, STUDENT, click, freshSpace, moderationBot, run, snapshot, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
  ensureBank(bot.ctx.db);
}, 20_000);

const ADD = `/review quiz add Which office did Yezhov hold from January 1937, according to Emelyanov? | head of the NKVD; head of the Comintern; chairman of Gosplan | 1 | ${EMELYANOV_YEZHOV} | Emelyanov quotes Gregory here.`;

/** Approval on, and the first question waiting, in a fresh space. */
async function withQueue(): Promise<{ where: Where; id: string }> {
  const where = freshSpace();
  await run(bot, where, ADMIN, '/review quiz approval on');
  const page = await run(bot, where, ADMIN, '/review quiz');
  const fields = page.blocks.find((b) => b.type === 'fields');
  const id = fields?.type === 'fields' ? fields.fields.find((f) => f.label === 'Question')!.value : '';
  return { where, id };
}

describe('/review quiz', () => {
  it('GIVEN approval off THEN /review quiz says generated questions are not waiting and offers to turn approval on', async () => {
    const r = await run(bot, freshSpace(), ADMIN, '/review quiz');
    expect(r.title).toBe('Quiz approval is off');
    expect(r.actions.map((a) => a.label)).toEqual(['Turn approval on']);
  });

  it('GIVEN approval on THEN waiting questions are shown one per page with their verbatim quote and Approve / Reject buttons', async () => {
    const { where, id } = await withQueue();
    const page = await run(bot, where, ADMIN, '/review quiz');
    expect(page.title).toMatch(/^Quiz question waiting \(1\/\d+\)$/);
    expect(page.actions.map((a) => a.label)).toEqual([expect.stringMatching(/^Next ›/), 'Approve', 'Reject']);
    const q = getQuestion(bot.ctx.db, spaceKey(where), id)!;
    expect(q.status).toBe('pending');
    const quote = page.blocks.find((b) => b.type === 'quote');
    expect(quote?.type === 'quote' && bot.ctx.repo.passage(q.passageId)!.text.includes(quote.text)).toBe(true);
  });

  it('GIVEN a waiting generated question THEN its page shows its kind, the purge topic it was drawn from and its centrality', async () => {
    const { where, id } = await withQueue();
    const page = await run(bot, where, ADMIN, '/review quiz');
    const q = getQuestion(bot.ctx.db, spaceKey(where), id)!;
    const fields = page.blocks.find((b) => b.type === 'fields');
    const value = (label: string) => (fields?.type === 'fields' ? fields.fields.find((f) => f.label === label)?.value : undefined);
    expect(value('Kind')).toBe(q.kind);
    expect(value('Topic')).toBe(q.topic);
    expect(Number(value('Centrality'))).toBeCloseTo(q.centrality!, 2);
  });

  it('GIVEN a waiting question WHEN Approve is clicked THEN it is approved here, logged with before/after, and undoable', async () => {
    const { where, id } = await withQueue();
    const page = await run(bot, where, ADMIN, '/review quiz');
    const r = await click(bot, page, 'Approve', ADMIN, where);
    expect(r.title).toBe('Question approved');
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.status).toBe('approved');
    const [e] = listEntries(bot.ctx.db, spaceKey(where), 1, 0);
    expect(e).toMatchObject({
      action: 'quiz.approve',
      targets: [{ type: 'quiz-question', id }],
      before: [{ id, status: 'pending' }],
      after: [{ id, status: 'approved' }],
    });
    await click(bot, r, 'Undo', ADMIN, where);
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.status).toBe('pending');
  });

  it('GIVEN a question rejected in one server THEN another server still sees it pending', async () => {
    const a = await withQueue();
    const b = await withQueue();
    expect(a.id).toBe(b.id);
    await run(bot, a.where, ADMIN, `/review quiz reject ${a.id}`);
    expect(getQuestion(bot.ctx.db, spaceKey(a.where), a.id)!.status).toBe('rejected');
    expect(getQuestion(bot.ctx.db, spaceKey(b.where), b.id)!.status).toBe('pending');
    expect((await run(bot, b.where, ADMIN, '/review log')).blocks.some((x) => x.type === 'paragraph' && x.text.includes('quiz.reject'))).toBe(false);
  });

  it('GIVEN an edit THEN the question changes in this server only; undo restores it', async () => {
    const { where, id } = await withQueue();
    const other = freshSpace();
    const before = getQuestion(bot.ctx.db, spaceKey(where), id)!;
    const r = await run(bot, where, ADMIN, `/review quiz edit ${id} | note: Compare with Reiman's account.`);
    expect(r.title).toBe('Question edited');
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.note).toBe("Compare with Reiman's account.");
    expect(getQuestion(bot.ctx.db, spaceKey(other), id)!.note).toBe(before.note);
    const seq = listEntries(bot.ctx.db, spaceKey(where), 1, 0)[0]!.seq;
    await run(bot, where, ADMIN, `/undo ${seq}`);
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!).toEqual(before);
  });

  it('GIVEN a moderator adds a question THEN it is approved in this server only and cites its passage; undo retires it', async () => {
    const where = freshSpace();
    const r = await run(bot, where, ADMIN, ADD);
    expect(r.title).toBe('Question added');
    expect(text(r)).toContain('A. head of the NKVD  ✓ (answer)');
    expect(r.citations[0]!.passage).toBe(EMELYANOV_YEZHOV);
    const [e] = listEntries(bot.ctx.db, spaceKey(where), 1, 0);
    const id = (e!.targets[0] as { id: string }).id;
    expect(e!.before).toEqual([null]);
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)).toMatchObject({ origin: 'moderator', status: 'approved', answer: 0 });
    expect(getQuestion(bot.ctx.db, spaceKey(freshSpace()), id)).toBeNull();
    await run(bot, where, ADMIN, `/undo ${e!.seq}`);
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.status).toBe('rejected');
  });

  it.each([
    ['/review quiz approve not-an-id!', 'is not a question id'],
    ['/review quiz approve qAAAAAAAAAA', 'No question “qAAAAAAAAAA” in this space.'],
    ['/review quiz approval maybe', 'approval on|off'],
    ['/review quiz edit qAAAAAAAAAA', 'What to change?'],
    ['/review quiz edit qAAAAAAAAAA | colour: red', 'is not field: value'],
    ['/review quiz edit qAAAAAAAAAA | stem: short', 'at least 10 characters'],
    ['/review quiz add Too few parts | a; b', 'Usage: /review quiz add'],
    ['/review quiz add Which office did Yezhov hold in 1937? | a; ; c | 1 | eme-rmhkc', 'leave none empty'],
    ['/review quiz add Which office did Yezhov hold in 1937? | a; b; c | 4 | eme-rmhkc', '1 to 3'],
    ['/review quiz add Which office did Yezhov hold in 1937? | a; b; c | 1 | eme-zzzzz', 'No passage has the id'],
    ['/review quiz add Which office did Yezhov hold in 1937? | Yezhov; b; c | 1 | eme-rmhkc', 'gives the answer away'],
    // The surname alone names the answer: refused too.
    [
      '/review quiz add Who headed the NKVD before Yezhov, Yagoda or another? | Genrikh Yagoda; Lavrentiy Beria; Vyacheslav Molotov | 1 | eme-rmhkc',
      '“Yagoda”, part of the answer’s name',
    ],
  ])('GIVEN malformed quiz input %# THEN a clear message and nothing written', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const quizBefore = JSON.stringify(bot.ctx.db.prepare('SELECT * FROM quiz_question_space ORDER BY 1, 2').all());
    const r = await run(bot, where, ADMIN, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
    expect(JSON.stringify(bot.ctx.db.prepare('SELECT * FROM quiz_question_space ORDER BY 1, 2').all())).toBe(quizBefore);
  });

  it('GIVEN a student THEN /review quiz approve is refused and the question unchanged', async () => {
    const { where, id } = await withQueue();
    const r = await run(bot, where, STUDENT, `/review quiz approve ${id}`);
    expect(r.kind).toBe('refusal');
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.status).toBe('pending');
  });

  it('GIVEN the audit insert fails THEN the bank change is rolled back with it', async () => {
    const { where, id } = await withQueue();
    bot.ctx.db.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON mod_audit BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      expect((await run(bot, where, ADMIN, `/review quiz approve ${id}`)).kind).toBe('error');
    } finally {
      bot.ctx.db.exec('DROP TRIGGER fail_audit');
    }
    expect(getQuestion(bot.ctx.db, spaceKey(where), id)!.status).toBe('pending');
  });
});

describe('a moderator’s note on a question', () => {
  /** Posts `q` in `where` and answers it right: the feedback shows the explanation and the note. */
  async function answered(where: Where, q: QuestionSnapshot) {
    const r = createRun(bot.ctx.db, {
      space: spaceKey(where),
      where,
      topic: null,
      questions: [{ id: q.id, body: bodyOf(q) }],
      forUser: null,
      createdBy: 'test',
      createdAt: NOW.getTime(),
    });
    const post = insertPost(bot.ctx.db, r, 1, NOW.getTime(), 3_600_000)!;
    return run(bot, where, STUDENT, `/quiz answer ${post.id} ${q.answer}`);
  }

  function paragraphs(r: { blocks: { type: string; text?: string }[] }): string[] {
    return r.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text!] : []));
  }

  it('GIVEN a moderator adds a question with a note THEN players see it as the moderator’s, with name and date — never as Sourcebook’s words', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, ADD);
    const id = (listEntries(bot.ctx.db, spaceKey(where), 1, 0)[0]!.targets[0] as { id: string }).id;
    const q = getQuestion(bot.ctx.db, spaceKey(where), id)!;
    const fb = await answered(where, q);
    expect(paragraphs(fb)).toContain('Note from Ada Admin, 2025-03-14: Emelyanov quotes Gregory here.');
    expect(paragraphs(fb)).not.toContain('Emelyanov quotes Gregory here.');
    const shown = await run(bot, where, ADMIN, `/review quiz show ${id}`);
    expect(text(shown)).toContain('After the quote: Note from Ada Admin, 2025-03-14: Emelyanov quotes Gregory here.');
    expect(text(shown)).not.toContain("Sourcebook's note");
  });

  it('GIVEN a moderator edits a generated question’s note THEN it is signed; undo brings back the generated note as it was', async () => {
    const where = freshSpace();
    const generated = spaceQuestions(bot.ctx.db, spaceKey(where)).find((x) => x.kind === 'truefalse' && x.note)!;
    await run(bot, where, ADMIN, `/review quiz edit ${generated.id} | note: Compare with Reiman's account.`);
    const fb = await answered(where, getQuestion(bot.ctx.db, spaceKey(where), generated.id)!);
    expect(paragraphs(fb)).toContain("Note from Ada Admin, 2025-03-14: Compare with Reiman's account.");
    await run(bot, where, ADMIN, '/undo 1');
    const back = getQuestion(bot.ctx.db, spaceKey(where), generated.id)!;
    expect(back.noteBy).toBeUndefined();
    // The generated note is the bot's own words about the source's wording, shown unlabelled.
    expect(paragraphs(await answered(where, back))).toContain(generated.note);
  });

  it('GIVEN a moderator’s note stored before notes were signed THEN it is shown as the moderators’, not the bot’s', async () => {
    const where = freshSpace();
    const body = {
      kind: 'custom',
      prompt: 'Question from the moderators',
      stem: 'Which office did Yezhov hold from January 1937?',
      options: ['head of the NKVD', 'head of the Comintern'],
      answer: 0,
      passageId: EMELYANOV_YEZHOV,
      quote: bot.ctx.repo.passage(EMELYANOV_YEZHOV)!.text.slice(0, 40),
      note: 'Old unsigned note.',
    };
    bot.ctx.db
      .prepare('INSERT INTO quiz_questions (id, fingerprint, space, kind, ord, body_json, created_at) VALUES (?, NULL, ?, ?, 0, ?, 0)')
      .run('mLegacyNote1', spaceKey(where), 'custom', JSON.stringify(body));
    const q = getQuestion(bot.ctx.db, spaceKey(where), 'mLegacyNote1')!;
    expect(paragraphs(await answered(where, q))).toContain('Note from this group’s moderators: Old unsigned note.');
  });
});
