/**
 * A reading fetched from a chat platform's file URL: only from the platforms' file hosts (or
 * hosts the operator allows), no redirects elsewhere, at most `maxBytes` (refused from the
 * Content-Length, and cut off while streaming if the server lied), within `timeoutMs`. What the
 * file is, is decided by its bytes afterwards (readDocument), never by its name or content type.
 */
import { formatBytes, ReadingError } from './errors.ts';

/** Where Discord attachments and Slack files are served from. */
export const PLATFORM_FILE_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net', 'files.slack.com'];

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Host names a file may come from; the platforms' own by default. */
  hosts?: readonly string[];
  /** Sent with the request (Slack's files need the bot token). */
  headers?: Record<string, string>;
}

export interface Downloaded {
  bytes: Uint8Array;
  fileName: string;
}

export async function download(url: string, opts: DownloadOptions): Promise<Downloaded> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReadingError('unsupported', 'that is not a link to a file');
  }
  const hosts = opts.hosts ?? PLATFORM_FILE_HOSTS;
  if (!/^https?:$/.test(parsed.protocol) || !hosts.includes(parsed.hostname)) {
    throw new ReadingError('unsupported', `files are taken only from ${hosts.join(', ')}; attach the file instead of linking it`);
  }
  let res: Response;
  try {
    res = await fetch(parsed, { redirect: 'error', signal: AbortSignal.timeout(opts.timeoutMs), ...(opts.headers ? { headers: opts.headers } : {}) });
  } catch (e) {
    throw timedOut(e) ? tooSlow(opts.timeoutMs) : new ReadingError('unsupported', 'the file could not be fetched; try attaching it again');
  }
  if (!res.ok || !res.body) throw new ReadingError('unsupported', `the file could not be fetched (HTTP ${res.status})`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > opts.maxBytes) {
    await res.body.cancel();
    throw tooLarge(declared, opts.maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) throw tooLarge(size, opts.maxBytes);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof ReadingError) throw e;
    throw timedOut(e) ? tooSlow(opts.timeoutMs) : new ReadingError('unsupported', 'the download broke off; try again');
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, fileName: decodeURIComponent(parsed.pathname.split('/').pop() || 'reading') };
}

function timedOut(e: unknown): boolean {
  return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
}

function tooSlow(ms: number): ReadingError {
  return new ReadingError('unsupported', `the download took longer than ${Math.round(ms / 1000)} s`);
}

function tooLarge(size: number, max: number): ReadingError {
  return new ReadingError('too-large', `the file is ${formatBytes(size)} or more; the limit is ${formatBytes(max)}`);
}
