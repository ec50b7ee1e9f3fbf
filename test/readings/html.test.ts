import { beforeAll, describe, expect, it } from 'vitest';
import { type Reading, ReadingError, readDocument } from '../../src/readings/index.ts';
import { ARTICLE_HTML, BRINK, REIMAN_DOI, REIMAN_TITLE, blogHtml } from './documents.ts';
import { REIMAN } from './fixtures/excerpts.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('reading a web page (a journal-style page of Reiman with all its furniture)', () => {
  let reading: Reading;
  beforeAll(async () => {
    reading = await readDocument(bytes(ARTICLE_HTML), { fileName: 'about-russia.html' });
  });

  it('GIVEN navigation, share links, comments and a footer THEN only the article is read', () => {
    expect(reading.format).toBe('html');
    expect(reading.markdown).toContain(REIMAN.some);
    for (const furniture of ['Home', 'Archive', 'Share on Facebook', 'Great post!', '3 comments', '© 2019']) {
      expect(reading.markdown).not.toContain(furniture);
    }
  });

  it('GIVEN an h1 repeating the page title and an h2 below it THEN the title stays metadata and the h2 is the top heading', () => {
    expect(reading.markdown).not.toMatch(/^#+ About Russia$/m);
    expect(reading.markdown.startsWith(`# ${BRINK}\n`)).toBe(true);
    expect(reading.sections).toBe(1);
  });

  it('GIVEN a lone h1 THEN it names the page; h2, h3 and h4 below it rank as #, ## and ###', async () => {
    const page = `<html><head><title>Reiman</title></head><body><article><h1>${BRINK}</h1><h2>Terror</h2><p>${REIMAN.threat}</p><h3>Data</h3><p>${REIMAN.data}</p><h4>Historians</h4><p>${REIMAN.some}</p></article></body></html>`;
    const { markdown, meta } = await readDocument(bytes(page));
    expect(meta.title).toBe(BRINK);
    expect(markdown.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# Terror', '## Data', '### Historians']);
  });

  it('GIVEN a block quote and a list THEN they are > and - blocks', () => {
    expect(reading.markdown).toContain(`> ${REIMAN.data}`);
    expect(reading.markdown).toContain('- In 1937, 353,074 ordinary citizens were sentenced to death.\n\n- In 1938, it was 328,618 people.');
  });

  it('GIVEN footnote links with back-links THEN markers and definitions are kept, back-arrows dropped', () => {
    expect(reading.notes).toBe(2);
    expect(reading.markdown).toContain(
      'World War I Alliance; their current affiliation with Germany showed the changes which had taken place in the European and global balance of power.[^1]',
    );
    expect(reading.markdown).toContain(`[^1]: ${REIMAN.note215}\n`);
    expect(reading.markdown).toContain(`[^2]: ${REIMAN.note213}\n`);
    expect(reading.markdown).not.toMatch(/↩/);
  });

  it('GIVEN citation_* meta tags THEN they win over Open Graph and <title>', () => {
    expect(reading.meta).toEqual({
      title: REIMAN_TITLE,
      authors: [{ family: 'Reiman', given: 'Michal' }],
      year: 2016,
      date: '2016-09-01',
      publisher: 'Peter Lang',
      outlet: 'Window on Eurasia',
      doi: REIMAN_DOI,
      url: 'https://example.org/reiman/about-russia',
    });
    expect(reading.warnings).toEqual([]);
  });
});

describe('metadata from JSON-LD, Open Graph and Dublin Core', () => {
  const paragraphs = [REIMAN.data, REIMAN.some, REIMAN.positive];

  it('GIVEN a JSON-LD BlogPosting in an @graph THEN headline, author, date and publisher come from it', async () => {
    const { meta } = await readDocument(bytes(blogHtml(paragraphs)));
    expect(meta.title).toBe('Stalin Believed in 1934 He Faced Opposition from the Red Army');
    expect(meta.authors).toEqual([{ family: 'Goble', given: 'Paul' }]);
    expect(meta.date).toBe('2019-08-29');
    expect(meta.publisher).toBe('Blogger');
    expect(meta.outlet).toBe('Window on Eurasia');
  });

  it('GIVEN Dublin Core tags THEN DC.title, DC.creator and DC.date are read', async () => {
    const page = `<!doctype html><html><head><meta name="DC.title" content="Conspiracy Against Stalin"><meta name="DC.creator" content="Simon Maskharashvili"><meta name="DC.date" content="2019-05"></head><body><p>${REIMAN.data}</p></body></html>`;
    const { meta } = await readDocument(bytes(page));
    expect(meta).toMatchObject({ title: 'Conspiracy Against Stalin', authors: [{ family: 'Maskharashvili', given: 'Simon' }], date: '2019-05', year: 2019 });
  });

  it('GIVEN broken JSON-LD THEN it is ignored and Open Graph is used', async () => {
    const page = `<html><head><script type="application/ld+json">{"headline": </script><meta property="og:title" content="The Fifth Column"><meta property="article:published_time" content="2020-01-02T00:00:00Z"></head><body><p>${REIMAN.data}</p></body></html>`;
    const { meta } = await readDocument(bytes(page));
    expect(meta).toMatchObject({ title: 'The Fifth Column', date: '2020-01-02' });
  });
});

describe('broken and empty HTML', () => {
  it('GIVEN unclosed and stray tags THEN the text is still read', async () => {
    const broken = `<html><head><title>Broken</title><body><div><p>${REIMAN.data}<p>${REIMAN.some}</div></span></b><li>${REIMAN.note212}<table><tr><td>cell`;
    const reading = await readDocument(bytes(broken), { fileName: 'broken.html' });
    expect(reading.markdown).toContain(`${REIMAN.data}\n\n${REIMAN.some}`);
    expect(reading.meta.title).toBe('Broken');
  });

  it('GIVEN a fragment with only a <body> THEN it is HTML and read', async () => {
    const reading = await readDocument(bytes(`\ufeff  <body><p>${REIMAN.data}`));
    expect(reading.format).toBe('html');
    expect(reading.markdown.trim()).toBe(REIMAN.data);
    expect(reading.warnings).toContain('no title found');
  });

  it('GIVEN a page with nothing but navigation THEN it is refused: no text', async () => {
    const err = await readDocument(
      bytes('<!doctype html><html><head><title>x</title></head><body><nav>Home</nav><script>var a = 1;</script></body></html>'),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadingError);
    expect((err as ReadingError).code).toBe('no-text');
  });
});
