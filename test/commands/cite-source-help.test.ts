import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { allText, ask, corpusBot, quotes } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

function field(r: Awaited<ReturnType<typeof ask>>, label: string): string {
  for (const b of r.blocks) if (b.type === 'fields') for (const f of b.fields) if (f.label === label) return f.value;
  return '';
}

describe('/cite', () => {
  it('GIVEN a Reiman passage THEN Chicago and MLA name the book, publisher, reconstructed pages and passage id', async () => {
    const hit = bot.ctx.repo.search('353,074 ordinary citizens sentenced to death', { limit: 1 })[0]!.passage;
    const r = await ask(bot, `/cite ${hit.id}`);
    expect(field(r, 'Chicago (author-date)')).toBe(
      `Reiman, Michal. 2016. *About Russia, Its Revolutions, Its Development and Its Present*. Frankfurt am Main: Peter Lang. https://doi.org/10.3726/978-3-653-06473-5. p. 116. Passage ${hit.id}.`,
    );
    expect(field(r, 'MLA (9th ed.)')).toBe(
      `Reiman, Michal. *About Russia, Its Revolutions, Its Development and Its Present*. Peter Lang, 2016, p. 116. Passage ${hit.id}.`,
    );
    expect(allText(r)).toContain('reconstructed');
  });

  it('GIVEN a passage quoting another work THEN the citation includes the original work', async () => {
    const hit = bot.ctx.repo.search('Kirov had been murdered wire', { limit: 5 }).find((h) => h.passage.sourceId === 'real-stalin-11')!.passage;
    const r = await ask(bot, `/cite ${hit.id} mla`);
    expect(field(r, 'MLA (9th ed.)')).toMatch(
      /^“The Real Stalin Series Part 11: The Fifth Column\.” \*The Real Stalin Series\*, n\.d\., .*Quoting: Davis, Jerome\. Behind Soviet Power/,
    );
    expect(field(r, 'Chicago (author-date)')).toBe('');
  });

  it('GIVEN an unknown id or style THEN a short usage message', async () => {
    expect((await ask(bot, '/cite rei-zzzzz')).title).toBe('Unknown passage');
    expect(allText(await ask(bot, '/cite rei-zzzzz harvard'))).toContain('“harvard” is not a style Sourcebook formats');
  });
});

describe('/source', () => {
  it('GIVEN no id THEN the five sources are listed', async () => {
    const r = await ask(bot, '/source');
    const list = r.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.length).toBe(5);
  });

  it('GIVEN an author name THEN that source’s card: kind, author, date, licence, passages, what it argues', async () => {
    const r = await ask(bot, '/source reiman');
    expect(field(r, 'Kind')).toBe('monograph');
    expect(field(r, 'Licence')).toBe('CC BY-NC-ND 4.0');
    expect(Number(field(r, 'Passages'))).toBeGreaterThan(350);
    expect(allText(r)).toContain('What it argues');
    expect(field(await ask(bot, '/source real-stalin-11'), 'Author')).toBe('not named');
  });

  it('GIVEN an unknown source THEN it points to the list', async () => {
    expect(allText(await ask(bot, '/source wikipedia'))).toContain('Try /source for the list');
  });
});

describe('/help', () => {
  it('GIVEN /help THEN every public command is listed with an example', async () => {
    const r = await ask(bot, '/help');
    for (const c of ['/who', '/compare', '/ask', '/cite', '/source']) expect(allText(r)).toContain(c);
    expect(allText(r)).toContain('Example: /who Yezhov');
  });

  it('GIVEN an unknown command THEN it points to /help', async () => {
    expect(allText(await ask(bot, '/frobnicate x'))).toContain('Try /help');
  });
});

describe('/show', () => {
  it('GIVEN every passage of the corpus THEN its pages together quote the whole passage, verbatim, nothing clipped', async () => {
    const ids = (bot.ctx.db.prepare('SELECT id FROM passages ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(1000);
    const user = { id: 'u', name: 'u', isAdmin: false, groups: [] };
    const where = { platform: 'console' as const, space: 'show-all', channel: 'c' };
    for (const id of ids) {
      const shown: string[] = [];
      for (let page = 1, total = 1; page <= total; page++) {
        const r = await bot.handle({ command: 'show', args: id, user, where, page });
        total = r.page?.total ?? 1;
        shown.push(...quotes(r));
      }
      const passage = bot.ctx.repo.passage(id)!;
      expect(
        shown.every((q) => !q.endsWith('[…]')),
        id,
      ).toBe(true);
      // Units split between sentences or words; apart from that whitespace, the pages are the passage.
      expect(shown.join('').replace(/\s+/g, ''), id).toBe(passage.text.replace(/\s+/g, ''));
      for (const q of shown) expect(passage.text, id).toContain(q);
    }
  });
});

describe('examples and near misses', () => {
  it('GIVEN every command’s own example THEN it runs and answers, never an error (the help must not send students to a dead end)', async () => {
    const user = { id: 'u', name: 'u', isAdmin: true, groups: [] };
    const where = { platform: 'console' as const, space: 'examples', channel: 'c' };
    for (const spec of bot.specs()) {
      const m = /^\/(\S+)\s*(.*)$/.exec(spec.example)!;
      const r = await bot.handle({ command: m[1]!, args: m[2]!, user, where });
      expect(r.kind, spec.example).not.toBe('error');
    }
  });

  it('GIVEN a passage id missing its last letter THEN /cite offers the id it nearly is', async () => {
    const id = (bot.ctx.db.prepare("SELECT id FROM passages WHERE source_id = 'emelyanov-2012' ORDER BY id DESC LIMIT 1").get() as { id: string }).id;
    const r = await ask(bot, `/cite ${id.slice(0, -1)}`);
    expect(r.kind).toBe('error');
    expect(r.actions.map((a) => a.label)).toContain(`Cite ${id}`);
  });

  it('GIVEN a style Sourcebook does not format THEN it says which it does', async () => {
    const r = await ask(bot, '/cite eme-yf15y apa');
    expect(r.kind).toBe('error');
    expect(allText(r)).toContain('“apa” is not a style Sourcebook formats: choose chicago or mla');
  });
});
