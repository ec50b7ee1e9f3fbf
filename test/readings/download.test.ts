/** Downloads of a reading from a platform's file URL, against a loopback server that stands in for the file host. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download } from '../../src/readings/download.ts';
import { ReadingError } from '../../src/readings/errors.ts';
import { REIMAN } from './fixtures/excerpts.ts';

let server: Server;
let base: string;
const TEXT = new TextEncoder().encode(`# Data\n\n${REIMAN.data}\n`);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/files/data.md') return res.end(TEXT);
    // Says it is small, then sends 3 MB.
    if (req.url === '/lies.pdf') {
      res.writeHead(200);
      for (let i = 0; i < 3; i++) res.write(Buffer.alloc(1024 * 1024));
      return res.end();
    }
    if (req.url === '/big.pdf') {
      res.writeHead(200, { 'content-length': String(200 * 1024 * 1024) });
      return res.end();
    }
    if (req.url === '/slow.pdf') {
      res.writeHead(200);
      res.write('%PDF-');
      return; // never ends
    }
    if (req.url === '/elsewhere') {
      res.writeHead(302, { location: 'http://example.com/' });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = { maxBytes: 1024 * 1024, timeoutMs: 1000, hosts: ['127.0.0.1'] };

async function refusal(p: Promise<unknown>): Promise<ReadingError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ReadingError);
  return e as ReadingError;
}

describe('downloading an attached reading', () => {
  it('GIVEN a file on an allowed host THEN its bytes and name', async () => {
    const got = await download(`${base}/files/data.md`, opts);
    expect(got.fileName).toBe('data.md');
    expect(new TextDecoder().decode(got.bytes)).toContain('353,074 ordinary citizens');
  });

  it('GIVEN a declared 200 MB file, or one that sends more than it may THEN refused as too large', async () => {
    expect((await refusal(download(`${base}/big.pdf`, opts))).code).toBe('too-large');
    const lied = await refusal(download(`${base}/lies.pdf`, opts));
    expect(lied.code).toBe('too-large');
    expect(lied.message).toContain('the limit is 1 MB');
  });

  it('GIVEN a server that never finishes, a redirect, a 404, another host or not a URL THEN each a short refusal', async () => {
    expect((await refusal(download(`${base}/slow.pdf`, { ...opts, timeoutMs: 300 }))).message).toContain('longer than');
    expect((await refusal(download(`${base}/elsewhere`, opts))).message).toContain('could not be fetched');
    expect((await refusal(download(`${base}/missing.pdf`, opts))).message).toContain('HTTP 404');
    expect((await refusal(download('http://169.254.169.254/latest/meta-data', opts))).message).toContain('files are taken only from 127.0.0.1');
    expect((await refusal(download('not a url', opts))).message).toBe('that is not a link to a file');
    // The platforms' own file hosts by default.
    expect((await refusal(download(`${base}/files/data.md`, { maxBytes: 10, timeoutMs: 100 }))).message).toContain('cdn.discordapp.com');
  });
});
