/**
 * Socket Mode redelivers an envelope it thinks was not acknowledged (`retry_attempt` > 0, which
 * Bolt passes on as `context.retryNum`). A redelivery of something already run is acknowledged
 * and dropped, so a slow first answer never makes a second quiz post. Only what Slack marks as a
 * retry is checked: two distinct deliveries are always run.
 */
import type { AnyMiddlewareArgs, App } from '@slack/bolt';

/** How long a delivery is remembered: Slack retries within minutes. */
const WINDOW_MS = 10 * 60_000;

/** What identifies one delivery: the event id, or the trigger of a command or a click. */
export function deliveryKey(body: unknown): string | null {
  const b = body as { event_id?: unknown; trigger_id?: unknown; type?: unknown; command?: unknown };
  if (typeof b.event_id === 'string') return `event:${b.event_id}`;
  if (typeof b.trigger_id === 'string') return `trigger:${String(b.command ?? b.type ?? '')}:${b.trigger_id}`;
  return null;
}

export function dropRedeliveries(app: App, now: () => number = Date.now): void {
  const seen = new Map<string, number>();
  app.use(async (args) => {
    const { context, body, next } = args as AnyMiddlewareArgs & { context: { retryNum?: number }; next: () => Promise<void> };
    const key = deliveryKey(body);
    const t = now();
    for (const [k, at] of seen) if (t - at > WINDOW_MS) seen.delete(k);
    if (key && (context.retryNum ?? 0) > 0 && seen.has(key)) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    if (key) seen.set(key, t);
    await next();
  });
}
