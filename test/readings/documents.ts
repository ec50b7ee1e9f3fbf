/** The test documents, one per format, made from real excerpts of the corpus (fixtures/excerpts.ts). */
import { EMELYANOV, INTERVIEW_TURNS, REIMAN } from './fixtures/excerpts.ts';
import { makePdf } from './make-pdf.ts';
import { makeDocx, makeEpub, xhtml } from './make-zip.ts';

export const REIMAN_TITLE = 'About Russia, Its Revolutions, Its Development and Its Present';
export const CHAPTER_6 = '6. Stalin’s “St. Bartholomew’s Day”';
export const BRINK = 'USSR on the Brink of War';
export const REIMAN_DOI = '10.3726/978-3-653-06473-5';

/** Interview turns "GJ – text" split into label and words. */
export const TURNS = INTERVIEW_TURNS.map((t) => {
  const [, speaker, text] = /^(\w+) – (.*)$/.exec(t)!;
  return { speaker: speaker!, text: text! };
});

/**
 * Three pages of Reiman's chapter 6, printed as pages 101–103: a running header and page numbers, two
 * footnotes at the foot of page 101, a paragraph running on from page 101 to 102, words broken at line
 * ends ("exe-cutions", "five-year", "Berlin-Rome-Tokyo"), and a last page that is only an image.
 */
export function reimanPdf(opts: { labels?: boolean; info?: boolean; doiInText?: boolean } = {}): Promise<Uint8Array> {
  return makePdf({
    firstPageLabel: opts.labels === false ? undefined : 101,
    info:
      opts.info === false ? undefined : { title: REIMAN_TITLE, author: 'Michal Reiman', created: new Date('2016-09-01T00:00:00Z'), subject: 'Russian history' },
    pages: [
      {
        header: 'ABOUT RUSSIA',
        footer: '101',
        blocks: [
          { heading: CHAPTER_6 },
          ...(opts.doiInText ? [{ para: `Peter Lang, 2016. DOI ${REIMAN_DOI}`, indent: false }] : []),
          { para: `${REIMAN.data.replace('executions', 'exe-|cutions')}^212` },
          { para: `${REIMAN.some.replace('five-year', 'five-|year')}^213` },
          { para: REIMAN.positive },
        ],
        notes: [`212 ${REIMAN.note212}`, `213 ${REIMAN.note213}`],
      },
      {
        header: 'ABOUT RUSSIA',
        footer: '102',
        blocks: [{ para: REIMAN.developed, indent: false }, { heading: BRINK, size: 13 }, { para: REIMAN.threat.replace('Berlin-Rome', 'Berlin-|Rome') }],
      },
      { blocks: [] },
    ],
  });
}

/** Reiman in Word: a Title, two Heading 1 sections, a footnote, an endnote, a Quote paragraph and an interview with bold labels. */
export function reimanDocx(core = true): Uint8Array {
  return makeDocx({
    core: core ? { title: REIMAN_TITLE, creator: 'Reiman, Michal', created: '2016-09-01T10:00:00Z' } : undefined,
    paragraphs: [
      { style: 'Title', text: 'About Russia' },
      { style: 'Heading1', text: BRINK },
      { text: REIMAN.threat, footnote: REIMAN.note215 },
      { style: 'Quote', text: REIMAN.data },
      { text: REIMAN.some, endnote: REIMAN.note213 },
      { style: 'Heading1', text: 'Conspiracy Against Stalin' },
      ...TURNS,
    ],
  });
}

export const EMELYANOV_TITLE = 'Stalin’s Purges of 1937-38: What Really Happened?';
export const PART_1 = 'PART 1: THE SOCIAL AND POLITICAL BACKGROUND';
export const PART_2 = 'PART 2: REAL AND FALSE ENEMIES';
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Emelyanov's booklet as an EPUB 3: two parts in spine order, a page break, endnotes in a file outside the reading order. */
export function emelyanovEpub(): Uint8Array {
  const [first, second] = EMELYANOV.paragraphs;
  return makeEpub({
    meta: {
      title: EMELYANOV_TITLE,
      creator: 'Yuri Emelyanov',
      date: '2012',
      publisher: 'The November 8th Publishing House',
      identifier: 'urn:isbn:9781997536321',
    },
    chapters: [
      {
        file: 'part1.xhtml',
        xhtml: xhtml(
          'Part 1',
          `<h1>${PART_1}</h1><p>${first}<a epub:type="noteref" id="r1" href="notes.xhtml#n1">1</a></p><span epub:type="pagebreak" id="page2" title="2"/><p>${second}<sup><a id="r2" href="notes.xhtml#n2">2</a></sup></p>`,
        ),
      },
      { file: 'part2.xhtml', xhtml: xhtml('Part 2', `<h1>${PART_2}</h1><h2>Plots Against Stalin's Political Reforms</h2><p>${REIMAN.some}</p>`) },
      {
        file: 'notes.xhtml',
        linear: false,
        xhtml: xhtml(
          'Notes',
          `<h1>ENDNOTES</h1><aside epub:type="endnote" id="n1"><p><a href="part1.xhtml#r1">1</a>. ${escapeHtml(EMELYANOV.note1)}</p></aside><aside epub:type="endnote" id="n2"><p><a href="part1.xhtml#r2">2</a>. ${EMELYANOV.note2}</p></aside>`,
        ),
      },
    ],
  });
}

/** A saved journal-style web page: every kind of metadata tag, navigation, share links, footnotes, comments. */
export const ARTICLE_HTML = `<!-- saved from the web -->
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>About Russia | Window on Eurasia</title>
<meta name="citation_title" content="${REIMAN_TITLE}">
<meta name="citation_author" content="Reiman, Michal">
<meta name="citation_publication_date" content="2016/09/01">
<meta name="citation_doi" content="doi:${REIMAN_DOI}">
<meta name="citation_publisher" content="Peter Lang">
<meta property="og:site_name" content="Window on Eurasia">
<link rel="canonical" href="https://example.org/reiman/about-russia">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive</a></li></ul></nav>
<div class="share"><a href="https://facebook.com/sharer">Share on Facebook</a></div>
<article><h1>About Russia</h1><h2>${BRINK}</h2>
<p>${REIMAN.threat}<sup><a href="#fn1" id="fnref1">1</a></sup></p>
<blockquote><p>${REIMAN.data}</p></blockquote>
<p>${REIMAN.some}<sup><a href="#fn2" id="fnref2">2</a></sup></p>
<ul><li>In 1937, 353,074 ordinary citizens were sentenced to death.</li><li>In 1938, it was 328,618 people.</li></ul>
<section class="footnotes"><ol>
<li id="fn1"><p>${REIMAN.note215} <a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>${REIMAN.note213} <a href="#fnref2">↩︎</a></p></li>
</ol></section></article>
<div id="comments"><h3>3 comments</h3><p>Great post! Thanks for sharing.</p></div>
<footer>© 2019 Window on Eurasia</footer></body></html>`;

/** A blog page with only JSON-LD and Open Graph metadata (Goble's post on Window on Eurasia). */
export function blogHtml(paragraphs: string[]): string {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Window on Eurasia' },
      {
        '@type': 'BlogPosting',
        headline: 'Stalin Believed in 1934 He Faced Opposition from the Red Army',
        author: { '@type': 'Person', name: 'Paul Goble' },
        datePublished: '2019-08-29T10:00:00-04:00',
        publisher: { '@type': 'Organization', name: 'Blogger' },
      },
    ],
  };
  return `<!doctype html><html><head><meta property="og:title" content="OG title"><meta property="og:site_name" content="Window on Eurasia"><meta property="article:published_time" content="2019-08-30"><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`;
}
