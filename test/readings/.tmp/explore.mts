import { writeFileSync } from 'node:fs';
import { readDocument } from '../../../src/readings/index.ts';
import { segmentDocument } from '../../../src/segment/profiles/document.ts';
import { splitSentences } from '../../../src/segment/sentences.ts';
import { renderDocx } from '../render-docx.ts';
import { renderPdf } from '../render-pdf.ts';
import { bundledText } from '../render-source.ts';
import { renderMarkdown, renderText } from '../render-text.ts';
import { renderEpub, renderHtml } from '../render-web.ts';

const norm = (s: string) => s.replace(/[\u2018\u2019\u201a\u201b`´]/g, "'").replace(/[\u201c\u201d\u201e\u201f«»]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();
const sents = (ps: { text: string }[]) => ps.flatMap((p) => splitSentences(p.text).map((s) => norm(s.text)));
for (const id of ['goble-2019', 'maskharashvili-interview']) {
  const b = bundledText(id);
  const own = sents(b.own.passages);
  const pdf = await renderPdf(b.doc);
  const files: [string, Uint8Array | string][] = [
    ['x.pdf', pdf.bytes], ['x.docx', await renderDocx(b.doc)], ['x.html', renderHtml(b.doc)], ['x.epub', await renderEpub(b.doc)], ['x.md', renderMarkdown(b.doc)], ['x.txt', renderText(b.doc)],
  ];
  for (const [name, data] of files) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    writeFileSync(`test/readings/.tmp/${id}-${name}`, bytes);
    const r = await readDocument(bytes, { fileName: name });
    writeFileSync(`test/readings/.tmp/${id}-${name}.md`, r.markdown);
    const seg = segmentDocument(r.markdown);
    const got = new Set(sents(seg.passages));
    const gotList = sents(seg.passages);
    const ownSet = new Set(own);
    const found = own.filter((s) => got.has(s));
    const extra = gotList.filter((s) => !ownSet.has(s));
    const spk = b.own.passages.filter((p) => { const q = seg.passages.find((q) => norm(q.text) === norm(p.text)); return q && q.speaker === p.speaker; }).length;
    console.log(id, name, r.format, `recall ${(100 * found.length / own.length).toFixed(1)}% (${found.length}/${own.length})`, `passages ${seg.passages.length}/${b.own.passages.length}`, `extra ${extra.length}`, `speakers ${spk}`, r.warnings);
    for (const s of own.filter((s) => !got.has(s))) console.log('   MISSING', s.slice(0, 150));
    for (const s of extra) console.log('   EXTRA', s.slice(0, 150));
    if (name === 'x.pdf') console.log('   pages', pdf.pageCount, seg.passages.map((p) => p.pages && `${p.pages.start}-${p.pages.end}`).join(' '), '| printed', pdf.pages.map((p) => `${p.start}-${p.end}`).join(' '));
  }
}
