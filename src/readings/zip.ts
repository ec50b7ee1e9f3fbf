/**
 * Reading DOCX and EPUB containers without trusting them. Every entry's declared size and
 * compression ratio is checked before anything is inflated; inflating then stops at the entry's
 * declared size and at the archive's budget, so an entry that lies about its size cannot run away.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ReadingError, formatBytes } from './errors.ts';

export const ZIP_LIMITS = {
  /** All entries together, inflated. */
  totalBytes: 200 * 1024 * 1024,
  entries: 10_000,
  /** Real documents' XML compresses 5–30×; zeros and other bombs compress ~1000×. */
  maxRatio: 200,
  /** Small entries may compress as well as they like. */
  ratioFloor: 1024 * 1024,
};

const bomb = (why: string): ReadingError => new ReadingError('zip-bomb', `refusing to unpack this archive: ${why}`);

function open(bytes: Uint8Array): Promise<ZipFile> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function listEntries(zip: ZipFile, limits: typeof ZIP_LIMITS): Promise<Entry[]> {
  if (zip.entryCount > limits.entries) return Promise.reject(bomb(`it holds ${zip.entryCount} files`));
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function checkDeclared(entries: Entry[], limits: typeof ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio) {
      throw bomb(`${e.fileName} would inflate ${Math.round(ratio)}-fold to ${formatBytes(e.uncompressedSize)}`);
    }
  }
  if (total > limits.totalBytes) throw bomb(`it would unpack to ${formatBytes(total)}; the limit is ${formatBytes(limits.totalBytes)}`);
}

/** A checked archive; read() inflates one entry within the remaining budget. */
export class SafeZip {
  private spent = 0;
  private constructor(
    private readonly zip: ZipFile,
    private readonly byName: Map<string, Entry>,
    private readonly limits: typeof ZIP_LIMITS,
  ) {}

  static async open(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<SafeZip> {
    let zip: ZipFile;
    try {
      zip = await open(bytes);
    } catch (cause) {
      throw new ReadingError('malformed', 'this archive is damaged and cannot be read', { cause });
    }
    try {
      const entries = await listEntries(zip, limits);
      checkDeclared(entries, limits);
      return new SafeZip(zip, new Map(entries.map((e) => [e.fileName, e])), limits);
    } catch (cause) {
      zip.close();
      throw cause instanceof ReadingError ? cause : new ReadingError('malformed', 'this archive is damaged and cannot be read', { cause });
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  async read(name: string): Promise<Uint8Array> {
    const entry = this.byName.get(name);
    if (!entry) throw new ReadingError('malformed', `the archive lacks ${name}`);
    if (entry.isEncrypted()) throw new ReadingError('encrypted', 'this document is password-protected; save an unprotected copy');
    const cap = Math.min(entry.uncompressedSize, this.limits.totalBytes - this.spent);
    const stream = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
    const chunks: Buffer[] = [];
    const beyond = bomb(`${name} inflates beyond its declared ${formatBytes(entry.uncompressedSize)}`);
    let got = 0;
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (c: Buffer) => {
        got += c.length;
        if (got > cap) {
          stream.destroy();
          reject(beyond);
        } else chunks.push(c);
      });
      stream.on('end', resolve);
      stream.on('error', (err: Error) =>
        reject(/too many bytes/.test(err.message) ? beyond : new ReadingError('malformed', `${name} is damaged`, { cause: err })),
      );
    });
    this.spent += got;
    return new Uint8Array(Buffer.concat(chunks));
  }

  async readText(name: string): Promise<string> {
    return new TextDecoder().decode(await this.read(name));
  }

  close(): void {
    this.zip.close();
  }
}
