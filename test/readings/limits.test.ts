import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReadingError, readDocument } from '../../src/readings/index.ts';
import { SafeZip, ZIP_LIMITS } from '../../src/readings/zip.ts';
import { emelyanovEpub, reimanDocx, reimanPdf } from './documents.ts';
import { REIMAN } from './fixtures/excerpts.ts';
import { makeZipBomb } from './make-zip.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function failure(input: Uint8Array, opts: Parameters<typeof readDocument>[1] = {}): Promise<ReadingError> {
  const err = await readDocument(input, opts).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReadingError);
  return err as ReadingError;
}

describe('size limits', () => {
  it('GIVEN an empty file, or one of blank lines only THEN it is refused as empty', async () => {
    expect((await failure(new Uint8Array(0))).code).toBe('empty');
    const blank = await failure(bytes('\ufeff \n\n\t\r\n'));
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('the file is empty');
  });

  it('GIVEN a file over the limit passed in THEN it is refused as too large, with its size and the limit', async () => {
    const err = await failure(bytes(`<html><body><p>${REIMAN.data.repeat(20)}</p></body></html>`), { maxBytes: 2048 });
    expect(err.code).toBe('too-large');
    expect(err.message).toBe('the file is 8 KB; the limit is 2 KB');
  });

  it('GIVEN a file just over 50 MB and no limit passed THEN the default limit refuses it', async () => {
    const err = await failure(new Uint8Array(50 * 1024 * 1024 + 1));
    expect(err.code).toBe('too-large');
    expect(err.message).toBe('the file is 52,428,801 bytes; the limit is 52,428,800 bytes');
  });
});

describe('zip bombs', () => {
  it.each(['docx', 'epub'] as const)('GIVEN 300 MB of zeros deflated and disguised as a .%s THEN it is refused before inflating', async (as) => {
    const bomb = await makeZipBomb(as, 300, 'honest');
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const err = await failure(bomb, { fileName: `report.${as}` });
    expect(err.code).toBe('zip-bomb');
    expect(err.message).toMatch(/^refusing to unpack this archive: .* would inflate \d+-fold to 300 MB$/);
  });

  it.each(['docx', 'epub'] as const)('GIVEN a .%s entry declaring 1 KB that inflates to 20 MB THEN inflating stops at the declared size', async (as) => {
    const err = await failure(await makeZipBomb(as, 20, 'lying'), { fileName: `report.${as}` });
    expect(err.code).toBe('zip-bomb');
    expect(err.message).toMatch(/inflates beyond its declared 1 KB$/);
  });

  it('GIVEN entries that together exceed the budget, or too many entries THEN the archive is refused', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`word/part${i}.xml`, strToU8(REIMAN.data.repeat(40))]));
    const zip = zipSync(files);
    const budget = await SafeZip.open(zip, { ...ZIP_LIMITS, totalBytes: 100_000 }).catch((e: unknown) => e);
    expect((budget as ReadingError).code).toBe('zip-bomb');
    expect((budget as ReadingError).message).toMatch(/would unpack to \d+ KB; the limit is 98 KB/);
    const count = await SafeZip.open(zip, { ...ZIP_LIMITS, entries: 10 }).catch((e: unknown) => e);
    expect((count as ReadingError).message).toBe('refusing to unpack this archive: it holds 12 files');
  });
});

describe('what a file is, judged by its bytes', () => {
  it('GIVEN a PDF named .docx THEN it is read as PDF with a warning', async () => {
    const r = await readDocument(await reimanPdf(), { fileName: 'reiman.docx' });
    expect(r.format).toBe('pdf');
    expect(r.warnings[0]).toBe('named .docx but is a PDF; read as PDF');
  });

  it('GIVEN a Word document named .pdf and an EPUB named .html THEN each is read as what it is', async () => {
    const docx = await readDocument(reimanDocx(), { fileName: 'reiman.pdf' });
    expect([docx.format, docx.warnings]).toEqual(['docx', ['named .pdf but is a DOCX; read as DOCX']]);
    const epub = await readDocument(emelyanovEpub(), { fileName: 'emelyanov.html' });
    expect([epub.format, epub.warnings]).toEqual(['epub', ['named .html but is an EPUB; read as EPUB']]);
  });

  it('GIVEN HTML named .txt THEN it is read as HTML with a warning', async () => {
    const r = await readDocument(bytes(`<!-- c -->\n<!DOCTYPE html><html><body><p>${REIMAN.data}</p></body></html>`), { fileName: 'page.txt' });
    expect(r.format).toBe('html');
    expect(r.warnings).toContain('named .txt but is an HTML page; read as HTML');
  });

  it("GIVEN the same bytes under any name, or as Node's Buffer THEN the reading and its checksum are the same", async () => {
    const pdf = await reimanPdf();
    const [a, b] = await Promise.all([readDocument(pdf, { fileName: 'a.pdf' }), readDocument(Buffer.from(pdf))]);
    expect(a.markdown).toBe(b.markdown);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).toBe(b.sha256);
  });

  it('GIVEN an image or other binary THEN it is not a document Sourcebook can read', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0xc3]);
    const err = await failure(png, { fileName: 'scan.pdf' });
    expect(err.code).toBe('unsupported');
    expect(err.message).toMatch(/^not a document Sourcebook can read/);
  });

  it('GIVEN a zip that is neither DOCX nor EPUB, or a damaged zip THEN it is unsupported or malformed', async () => {
    expect((await failure(zipSync({ 'photo.jpg': strToU8('jpeg') }))).code).toBe('unsupported');
    const damaged = reimanDocx().slice(0, 400);
    expect((await failure(damaged, { fileName: 'reiman.docx' })).code).toBe('malformed');
  });

  it('GIVEN an old binary .doc or a password-protected .docx (an OLE container) THEN each gets its own message', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect((await failure(new Uint8Array([...ole, ...new Uint8Array(504)]), { fileName: 'old.doc' })).code).toBe('unsupported');
    const locked = new Uint8Array([...ole, ...new Uint8Array(100), ...Buffer.from('EncryptionInfo', 'utf16le')]);
    expect((await failure(locked, { fileName: 'locked.docx' })).code).toBe('encrypted');
  });

  it('GIVEN any bytes at all, even starting like a PDF, zip or HTML THEN the only failure is a ReadingError', async () => {
    const prefixes = ['', '%PDF-1.4\n', 'PK\u0003\u0004', '<!doctype html><p>', '# ', '{\\rtf1'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 600 }), async (prefix, tail) => {
        const input = new Uint8Array([...Buffer.from(prefix, 'latin1'), ...tail]);
        const outcome = await readDocument(input).catch((e: unknown) => e);
        expect(outcome instanceof ReadingError || (typeof outcome === 'object' && outcome !== null && 'markdown' in outcome)).toBe(true);
      }),
      { numRuns: 150, seed: 1937 },
    );
  });
});
