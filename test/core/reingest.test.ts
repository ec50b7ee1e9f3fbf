import { silentLogger } from '../../src/core/log.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/bot.ts';
import { ingest } from '../../src/corpus/ingest.ts';
import { openDb } from '../../src/db/open.ts';
import { ask, CORPUS_DIR } from '../support/corpus-bot.ts';

const dir = mkdtempSync(join(tmpdir(), 'sb-reingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('re-ingest under a running bot', () => {
  it('GIVEN a bot that has answered THEN after another process re-ingests a bigger corpus it answers from the new corpus, /who included', async () => {
    const file = join(dir, 'sb.db');
    const bot = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger });
    expect((await ask(bot, '/ask Who killed Kirov?')).kind).toBe('answer');
    expect((await ask(bot, '/source')).title).toBe('The corpus: 5 sources');
    expect((await ask(bot, '/who Yezhov')).citations.map((c) => c.source)).not.toContain('study-note');

    const corpus = join(dir, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    writeFileSync(
      join(corpus, 'note.txt'),
      'Study Note\n\nThe weather in Leningrad was unusually cold that December, the note records.\n\nYezhov, the People’s Commissar of Internal Affairs, is named in the study note for 1937.\n\nThe Zemlyanichny committee met twice in the spring of 1936, the study note records.\n',
    );
    const meta = JSON.parse(readFileSync(join(corpus, 'sources.json'), 'utf8')) as { sources: Record<string, unknown>[] };
    meta.sources.unshift({ ...meta.sources[0]!, id: 'study-note', file: 'note.txt', idPrefix: 'stn', title: 'Study Note' });
    writeFileSync(join(corpus, 'sources.json'), JSON.stringify(meta));
    const other = openDb(file);
    ingest(other, corpus);
    other.close();

    expect((await ask(bot, '/source')).title).toBe('The corpus: 6 sources');
    const r = await ask(bot, '/ask How cold was the weather in Leningrad?');
    expect(r.citations[0]?.source).toBe('study-note');
    expect(r.citations[0]?.quote).toBe('The weather in Leningrad was unusually cold that December, the note records.');
    // A word only the new corpus uses is known at once: the vocabulary is rebuilt with the index.
    const fresh = await ask(bot, '/ask When did the Zemlyanichny committee meet?');
    expect(fresh.kind).toBe('answer');
    expect(fresh.citations[0]?.source).toBe('study-note');
    const who = await ask(bot, '/who Yezhov');
    expect(who.citations.find((c) => c.source === 'study-note')?.quote).toBe(
      'Yezhov, the People’s Commissar of Internal Affairs, is named in the study note for 1937.',
    );
    bot.close();
  });
});
