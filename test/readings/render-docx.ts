/**
 * A Word document written by the `docx` package: the title as a "Title" paragraph, the author and title
 * in the core properties, one paragraph per passage, and an interview turn's label in bold ("**SM:** …"),
 * the way transcripts are usually typed in Word.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { RenderDoc } from './render-source.ts';

export async function renderDocx(doc: RenderDoc): Promise<Uint8Array> {
  const word = new Document({
    title: doc.title,
    creator: doc.author,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
          ...doc.paragraphs.map(
            (p) =>
              new Paragraph({
                children: p.speaker ? [new TextRun({ text: `${p.speaker}:`, bold: true }), new TextRun(` ${p.text}`)] : [new TextRun(p.text)],
              }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
