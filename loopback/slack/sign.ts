/** Signs requests exactly as Slack does: HMAC-SHA256 over `v0:${timestamp}:${rawBody}`. */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Override the computed signature (to send a bad one). */
  signature?: string;
  contentType?: string;
}

export function signedHeaders(rawBody: string, opts: SignOptions = {}): Record<string, string> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? slackSignature(opts.secret ?? SIGNING_SECRET, timestamp, rawBody),
  };
}

/** A slash command body: form fields, as Slack posts them. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactivity body: one form field `payload` holding the JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function postSigned(url: string, rawBody: string, opts: SignOptions = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signedHeaders(rawBody, opts), body: rawBody });
}
