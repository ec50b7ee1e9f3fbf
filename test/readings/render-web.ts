/**
 * Web renderings: a saved blog page (site navigation, the post as <p> elements inside <article>, a
 * comments section, a footer) and an EPUB 3 written by the `epub-gen-memory` package (one chapter).
 */
import { EPub } from 'epub-gen-memory';
import { type RenderDoc, escapeXml, printed } from './render-source.ts';

/** Words of the page's furniture, which a reading must drop. */
export const FURNITURE = ['Home', 'Archive', 'About this blog', 'Great post, thanks for sharing', 'Post a Comment', 'Powered by Blogger'];

export function renderHtml(doc: RenderDoc): string {
  const paras = doc.paragraphs.map((p) => `    <p>${escapeXml(printed(p))}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeXml(doc.title)} | The Reading Room</title>
<meta name="author" content="${escapeXml(doc.author)}"></head>
<body>
<header class="site-header"><a href="/">The Reading Room</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive</a></li><li><a href="/about">About this blog</a></li></ul></nav>
</header>
<main>
  <article class="post">
    <h1 class="post-title">${escapeXml(doc.title)}</h1>
    <p class="byline">By <a rel="author" href="/author">${escapeXml(doc.author)}</a></p>
${paras}
  </article>
  <section id="comments" class="comments">
    <h2>2 comments</h2>
    <div class="comment"><p>Anonymous said…</p><p>Great post, thanks for sharing.</p></div>
    <div class="comment-form"><a href="/comment">Post a Comment</a></div>
  </section>
</main>
<footer><p>Powered by Blogger.</p></footer>
</body>
</html>
`;
}

export async function renderEpub(doc: RenderDoc): Promise<Uint8Array> {
  const content = doc.paragraphs.map((p) => `<p>${escapeXml(printed(p))}</p>`).join('\n');
  const epub = new EPub({ title: doc.title, author: doc.author, lang: 'en', verbose: false }, [{ title: doc.title, content }]);
  return new Uint8Array(await epub.genEpub());
}
