/**
 * In front of Bolt's HTTP receiver: what Slack's signing does not cover. A body over 1 MB is refused
 * before it is read; a timestamp more than five minutes from now, either way, is refused; a
 * request whose valid signature was already seen (a replay) is acknowledged and not acted on; an
 * Events API retry (X-Slack-Retry-Num) of an event already received is acknowledged and dropped.
 * Then Bolt verifies the signature again and dispatches, as for any request.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';

/** Slack's own payloads are far below this. */
export const MAX_BODY = 1024 * 1024;
const WINDOW_SEC = 5 * 60;

export interface GuardOptions {
  signingSecret: string;
  now?: () => number;
  /** Told of every refused or dropped request, for the log. */
  onDrop?: (why: string) => void;
}

/** Seen keys for the replay window; entries older than the window are forgotten as new ones arrive. */
class Seen {
  private readonly at = new Map<string, number>();
  has(key: string, now: number): boolean {
    const t = this.at.get(key);
    return t !== undefined && now - t <= WINDOW_SEC * 1000;
  }
  add(key: string, now: number): void {
    this.at.set(key, now);
    if (this.at.size > 10_000) for (const [k, t] of this.at) if (now - t > WINDOW_SEC * 1000) this.at.delete(k);
  }
}

function end(res: ServerResponse, status: number, body = ''): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(body);
}

function readCapped(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The event id of an Events API callback, for recognising Slack's retries of it. */
function eventId(body: string, contentType: string | undefined): string | null {
  if (!contentType?.includes('json')) return null;
  try {
    const id = (JSON.parse(body) as { event_id?: unknown }).event_id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export function guardSlackHttp(next: RequestListener, opts: GuardOptions): RequestListener {
  const now = opts.now ?? Date.now;
  const signatures = new Seen();
  const events = new Seen();
  const drop = (res: ServerResponse, status: number, why: string, body = '') => {
    opts.onDrop?.(why);
    end(res, status, body);
  };
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return next(req, res);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY) return drop(res, 413, 'body over 1 MB (declared)');
      const raw = await readCapped(req, MAX_BODY);
      if (raw === null) return drop(res, 413, 'body over 1 MB');
      const ts = Number(req.headers['x-slack-request-timestamp']);
      const t = now();
      if (!Number.isFinite(ts) || Math.abs(t / 1000 - ts) > WINDOW_SEC) return drop(res, 401, 'timestamp more than five minutes from now');
      const body = raw.toString('utf8');
      const signature = String(req.headers['x-slack-signature'] ?? '');
      const valid = isValidSlackRequest({
        signingSecret: opts.signingSecret,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
      });
      if (valid) {
        if (signatures.has(signature, t)) return drop(res, 200, 'replayed request acknowledged, not run again');
        const event = eventId(body, req.headers['content-type']);
        if (event && req.headers['x-slack-retry-num'] !== undefined && events.has(event, t))
          return drop(res, 200, `retry of event ${event} acknowledged, not run again`);
        signatures.add(signature, t);
        if (event) events.add(event, t);
      }
      // Bolt reads a buffered body as it is: it verifies the signature itself and answers 401 if bad.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      next(req, res);
    })().catch(() => {
      if (!res.headersSent) end(res, 400);
    });
  };
}
