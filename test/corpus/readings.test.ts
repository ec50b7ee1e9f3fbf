/**
 * Readings added to a copy of the real corpus: what `sourcebook add` and `/source disable` do, and
 * that a space's own reading is seen in that space only. The documents are the reader's test
 * documents, made from real excerpts of the corpus (test/readings/documents.ts).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type CoreBot } from '../../src/app/bot.ts';
import { silentLogger } from '../../src/core/log.ts';
import type { Asker, Where } from '../../src/core/request.ts';
import { corpusEntries } from '../../src/corpus/metadata.ts';
import { addReading, ReadingRefused, readingsList, removeReading } from '../../src/corpus/readings.ts';
import { buildCorpus } from '../../src/corpus/build.ts';
import { yearLabel } from '../../src/corpus/cite.ts';
import { openDb } from '../../src/db/open.ts';
import type { ReadingError } from '../../src/readings/index.ts';
import { blogHtml, reimanDocx, reimanPdf } from '../readings/documents.ts';
import { EMELYANOV, REIMAN } from '../readings/fixtures/excerpts.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

const ADMIN: Asker = { id: 'u-admin', name: 'Ada Admin', isAdmin: true, groups: [] };
const STUDENT: Asker = { id: 'u-student', name: 'Sam Student', isAdmin: false, groups: [] };
const A: Where = { platform: 'discord', space: 'guild-a', channel: 'c' };
const B: Where = { platform: 'discord', space: 'guild-b', channel: 'c' };

let root: string;
const dirs: string[] = [];

/** A copy of the bundled corpus to add readings to. */
function corpusCopy(): string {
  const dir = join(root, `corpus-${dirs.length}`);
  cpSync(CORPUS_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${join(CORPUS_DIR, 'readings')}`) });
  dirs.push(dir);
  return dir;
}

function idsOf(dir: string): Map<string, string[]> {
  return new Map(buildCorpus(dir).sources.map((s) => [s.meta.id, s.passages.map((p) => p.id)]));
}

function run(bot: CoreBot, line: string, user: Asker, where: Where) {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  return bot.handle({ command: m[1]!, args: m[2]!, user, where });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcebook-readings-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sourcebook add: a reading into the corpus folder', () => {
  it('GIVEN a PDF of Reiman’s chapter 6 THEN it is added under readings/ with its pages and notes, validated metadata from the file, and no other source’s passage ids change', async () => {
    const dir = corpusCopy();
    const before = idsOf(dir);
    const r = await addReading({ corpusDir: dir, bytes: await reimanPdf(), fileName: 'reiman-ch6.pdf', flags: { year: 2016 }, today: '2026-12-03' });
    expect(r.status).toBe('added');
    expect(r.pages).toBe(3);
    expect(r.passages).toBeGreaterThan(2);
    expect(r.notes).toBe(2);
    const entry = readingsList(dir).find((m) => m.id === r.id)!;
    expect(entry.authors).toEqual([{ family: 'Reiman', given: 'Michal' }]);
    // The bundled Reiman (2016) is cited alike: this one is Reiman (2016b).
    expect(yearLabel(entry)).toBe('2016b');
    expect(entry.profile).toBe('document');
    expect(entry.origin).toMatchObject({ file: 'reiman-ch6.pdf', format: 'pdf', added: '2026-12-03' });
    expect(existsSync(join(dir, 'readings', entry.file))).toBe(true);
    // The bundled sources.json is untouched, and every bundled passage keeps its id.
    expect(readFileSync(join(dir, 'sources.json'), 'utf8')).toBe(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8'));
    const after = idsOf(dir);
    for (const [id, ids] of before) expect(after.get(id), id).toEqual(ids);
    // Its passages are cited with real page numbers.
    const built = buildCorpus(dir).sources.find((s) => s.meta.id === r.id)!;
    expect(built.passages.some((p) => p.pages?.start === 101 && p.pages.approximate === false)).toBe(true);
  });

  it('GIVEN the same file added again THEN nothing changes; removing it takes it out and leaves the others’ ids as they were', async () => {
    const dir = corpusCopy();
    const before = idsOf(dir);
    const bytes = reimanDocx();
    const first = await addReading({ corpusDir: dir, bytes, fileName: 'reiman.docx' });
    const listing = readFileSync(join(dir, 'readings', 'sources.json'), 'utf8');
    const again = await addReading({ corpusDir: dir, bytes, fileName: 'copy-of-reiman.docx' });
    expect(again).toMatchObject({ status: 'unchanged', id: first.id });
    expect(readFileSync(join(dir, 'readings', 'sources.json'), 'utf8')).toBe(listing);
    removeReading(dir, first.id);
    expect(existsSync(join(dir, 'readings', 'sources.json'))).toBe(false);
    expect(readdirSync(join(dir, 'readings'))).toEqual([]);
    expect(idsOf(dir)).toEqual(before);
  });

  it('GIVEN an empty file, a file over the limit, a picture-only PDF or a duplicate id THEN a clear refusal and nothing written', async () => {
    const dir = corpusCopy();
    const refuse = async (p: Promise<unknown>, code: string | RegExp) => {
      const e = await p.then(
        () => null,
        (x: unknown) => x,
      );
      if (typeof code === 'string') expect((e as ReadingError).code).toBe(code);
      else expect(String((e as Error).message)).toMatch(code);
    };
    await refuse(addReading({ corpusDir: dir, bytes: new Uint8Array(0), fileName: 'empty.pdf' }), 'empty');
    await refuse(addReading({ corpusDir: dir, bytes: await reimanPdf(), fileName: 'big.pdf', maxBytes: 1000 }), 'too-large');
    await refuse(
      addReading({ corpusDir: dir, bytes: new TextEncoder().encode(blogHtml(EMELYANOV.paragraphs)), fileName: 'x.html', flags: { id: 'reiman-2016' } }),
      /already in the corpus/,
    );
    expect(existsSync(join(dir, 'readings'))).toBe(false);
    // An id taken by a bundled source is refused when removing too: bundled sources are turned off per group instead.
    expect(() => removeReading(dir, 'reiman-2016')).toThrow(ReadingRefused);
    expect(() => removeReading(dir, 'reiman-2016')).toThrow(/source disable reiman-2016/);
  });
});

describe('a space’s own reading and its choice of sources', () => {
  let bot: CoreBot;
  let readingId: string;

  beforeAll(async () => {
    const dir = corpusCopy();
    // A made-up name marks the reading: no bundled source names anyone so, so any sight of it in guild B is a leak.
    const html = blogHtml([REIMAN.data, REIMAN.threat, 'In 1937 Ivan Zzyzxov, an NKVD officer in Tver, was arrested. Later Ivan Zzyzxov was shot.']);
    const r = await addReading({
      corpusDir: dir,
      bytes: new TextEncoder().encode(html),
      fileName: 'kirov.html',
      space: 'discord:guild-a',
      flags: { id: 'reader-2024', author: 'Ann Reader', year: 2024, title: 'Notes on the terror' },
    });
    readingId = r.id;
    bot = createBot({ db: openDb(':memory:'), corpusDir: dir, logger: silentLogger });
  }, 120_000);

  it('GIVEN guild A’s reading THEN /source lists it in A only, and its card, passages and citations exist in A only', async () => {
    expect(corpusEntries(dirs.at(-1)!).find((e) => e.meta.id === readingId)?.meta.space).toBe('discord:guild-a');
    const listA = await run(bot, '/source', STUDENT, A);
    const listB = await run(bot, '/source', STUDENT, B);
    expect(JSON.stringify(listA.blocks)).toContain(readingId);
    expect(JSON.stringify(listB.blocks)).not.toContain(readingId);
    expect(listB.title).toBe('The corpus: 5 sources');
    expect((await run(bot, `/source ${readingId}`, STUDENT, B)).title).toBe('Unknown source');
    const passage = bot.ctx.repo.passagesOf(readingId)[0]!.id;
    expect((await run(bot, `/show ${passage}`, STUDENT, A)).citations.map((c) => c.passage)).toContain(passage);
    const shownInB = await run(bot, `/show ${passage}`, STUDENT, B);
    expect(shownInB.citations).toEqual([]);
    expect(JSON.stringify(shownInB)).not.toContain('Notes on the terror');
    expect((await run(bot, `/cite ${passage}`, STUDENT, B)).citations).toEqual([]);
  });

  it('GIVEN someone named only in guild A’s reading THEN /who finds them in A, and in B neither /who nor autocomplete knows the name', async () => {
    expect((await run(bot, '/who Zzyzxov', STUDENT, A)).citations.some((c) => c.source === readingId)).toBe(true);
    const inB = await run(bot, '/who Zzyzxov', STUDENT, B);
    expect(inB.kind).toBe('not-found');
    expect(JSON.stringify(inB)).not.toContain('Ivan');
    expect(bot.suggest('who', 'name', 'Zzyz', A).length).toBe(1);
    expect(bot.suggest('who', 'name', 'Zzyz', B)).toEqual([]);
  });

  it('GIVEN a question its words answer THEN /ask and /compare cite it in A and never in B', async () => {
    const askA = await run(bot, '/ask How many ordinary citizens were sentenced to death in 1937?', STUDENT, A);
    const askB = await run(bot, '/ask How many ordinary citizens were sentenced to death in 1937?', STUDENT, B);
    const cmpA = await run(bot, '/compare death sentences', STUDENT, A);
    const cmpB = await run(bot, '/compare death sentences', STUDENT, B);
    expect([...askA.citations, ...cmpA.citations].some((c) => c.source === readingId)).toBe(true);
    for (const r of [askB, cmpB]) {
      expect(r.citations.some((c) => c.source === readingId)).toBe(false);
      expect(JSON.stringify(r)).not.toContain('Reader (2024)');
    }
  });

  it('GIVEN autocomplete and the quiz bank THEN neither offers the reading outside its space, and the shared bank never asks about it', () => {
    expect(bot.suggest('source', 'id', readingId.slice(0, 4), A).map((s) => s.value)).toContain(readingId);
    expect(bot.suggest('source', 'id', readingId.slice(0, 4), B).map((s) => s.value)).not.toContain(readingId);
    bot.prepare();
    const bank = bot.ctx.db.prepare('SELECT body_json FROM quiz_questions').all() as { body_json: string }[];
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) expect(q.body_json).not.toContain(readingId);
  });

  it('GIVEN a moderator turns Reiman off in B THEN B’s answers leave him out, A’s keep him, the change is logged and undone; a student may not', async () => {
    const refused = await run(bot, '/source disable reiman-2016', STUDENT, B);
    expect(refused.title).toBe('Moderators only');
    const off = await run(bot, '/source disable reiman-2016', ADMIN, B);
    expect(off.title).toBe('Turned off: reiman-2016');
    const cmpB = await run(bot, '/compare executions', STUDENT, B);
    const cmpA = await run(bot, '/compare executions', STUDENT, A);
    expect(cmpB.citations.some((c) => c.source === 'reiman-2016')).toBe(false);
    expect(cmpA.citations.some((c) => c.source === 'reiman-2016')).toBe(true);
    expect((await run(bot, '/source', STUDENT, B)).title).toBe('The corpus: 4 sources');
    expect((await run(bot, '/source disable reiman-2016', ADMIN, B)).title).toBe('Already off');
    const seq = /change #(\d+)/.exec(JSON.stringify(off.blocks))![1];
    await run(bot, `/undo ${seq}`, ADMIN, B);
    expect((await run(bot, '/compare executions', STUDENT, B)).citations.some((c) => c.source === 'reiman-2016')).toBe(true);
    // Another space's reading cannot be switched from here.
    expect((await run(bot, `/source disable ${readingId}`, ADMIN, B)).title).toMatch(/which source/);
  });
});

describe('/source add and /source remove in chat', () => {
  let bot: CoreBot;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/files/terror.md') return res.end(`# Notes on the terror\n\n${REIMAN.data}\n`);
      if (req.url === '/files/scan.pdf') return res.end('%PDF-1.4 not really a pdf');
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bot = createBot({ db: openDb(':memory:'), corpusDir: corpusCopy(), logger: silentLogger, fileHosts: ['127.0.0.1'] });
  }, 120_000);
  afterAll(() => server.close());

  it('GIVEN a moderator attaches a Markdown file THEN it is downloaded, added for that group only and answers at once; the same file again changes nothing', async () => {
    expect((await run(bot, `/source add ${base}/files/terror.md`, STUDENT, A)).title).toBe('Moderators only');
    const added = await run(bot, `/source add ${base}/files/terror.md`, ADMIN, A);
    expect(added.title).toBe('Added: notes-on-the-terror');
    expect(JSON.stringify(added.blocks)).toContain('Only this group sees it');
    expect((await run(bot, '/source notes-on-the-terror', STUDENT, A)).title).toMatch(/^Notes on the terror/);
    expect((await run(bot, '/source notes-on-the-terror', STUDENT, B)).title).toBe('Unknown source');
    expect((await run(bot, `/source add ${base}/files/terror.md`, ADMIN, A)).title).toBe('Already here: notes-on-the-terror');
    // Another group cannot take it out; its own moderators can.
    expect((await run(bot, '/source remove notes-on-the-terror', ADMIN, B)).title).toBe('/source remove: not done');
    expect((await run(bot, '/source remove notes-on-the-terror', ADMIN, A)).title).toBe('Removed: notes-on-the-terror');
    expect((await run(bot, '/source notes-on-the-terror', STUDENT, A)).title).toBe('Unknown source');
  });

  it('GIVEN a damaged PDF, a missing file, a link to another host or no file THEN a short refusal and the corpus unchanged', async () => {
    const before = (await run(bot, '/source', STUDENT, A)).title;
    const damaged = await run(bot, `/source add ${base}/files/scan.pdf`, ADMIN, A);
    expect(damaged.title).toBe('/source add: not done');
    expect(JSON.stringify(damaged.blocks)).toContain('Nothing was changed');
    expect(JSON.stringify(await run(bot, `/source add ${base}/files/missing.pdf`, ADMIN, A))).toContain('HTTP 404');
    expect(JSON.stringify(await run(bot, '/source add https://example.com/paper.pdf', ADMIN, A))).toContain('Files are taken only from');
    expect(JSON.stringify(await run(bot, '/source add', ADMIN, A))).toContain('Attach the file');
    expect((await run(bot, '/source', STUDENT, A)).title).toBe(before);
  });
});
