/**
 * Is a Slack user a workspace admin or owner? Asked of users.info for every command and click
 * (the core decides what needs it: moderator commands, but also `/quiz close`), cached briefly so
 * a burst of clicks costs one call.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';
import { withTimeout } from '../../src/core/timeout.ts';

export interface AdminLookup {
  isAdmin(client: webApi.WebClient, team: string, user: string): Promise<boolean>;
}

export interface AdminLookupOptions {
  ttlMs?: number;
  /** A lookup slower than this counts as "not an admin" rather than holding up the reply. */
  timeoutMs?: number;
  now?: () => number;
}

const MAX_ENTRIES = 10_000;

export function createAdminLookup(log: Logger, opts: AdminLookupOptions = {}): AdminLookup {
  const { ttlMs = 60_000, timeoutMs = 2_500, now = Date.now } = opts;
  const cache = new Map<string, { value: Promise<boolean>; expires: number }>();

  const ask = async (client: webApi.WebClient, user: string): Promise<boolean> => {
    const res = await withTimeout('users.info', timeoutMs, client.users.info({ user }));
    return Boolean(res.user?.is_admin || res.user?.is_owner);
  };

  return {
    isAdmin(client, team, user) {
      const key = `${team}:${user}`;
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return hit.value;
      if (cache.size >= MAX_ENTRIES) cache.clear();
      const entry = { expires: now() + ttlMs, value: Promise.resolve(false) };
      entry.value = ask(client, user).catch((err: unknown) => {
        log.warn({ err, team, user }, 'slack: users.info failed; treating user as non-admin');
        if (cache.get(key) === entry) cache.delete(key);
        return false;
      });
      cache.set(key, entry);
      return entry.value;
    },
  };
}
