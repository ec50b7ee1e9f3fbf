/**
 * Which Slack user groups a user belongs to: the core lets a workspace's admins name user groups
 * whose members moderate (`/sourcebook config modrole S…`). Slack has no "groups of a user" call,
 * so one usergroups.list per workspace serves everyone, cached for a few minutes.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';
import { withTimeout } from '../../src/core/timeout.ts';

export interface GroupLookup {
  groupsOf(client: webApi.WebClient, team: string, user: string): Promise<string[]>;
}

export interface GroupLookupOptions {
  ttlMs?: number;
  /**
   * After a failure (free plans have no user groups; an install without usergroups:read is
   * refused) nobody gets group powers, and Slack is asked again only after this long.
   */
  failureTtlMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

type Members = Map<string, string[]>;

const MAX_TEAMS = 1_000;

export function createGroupLookup(log: Logger, opts: GroupLookupOptions = {}): GroupLookup {
  const { ttlMs = 300_000, failureTtlMs = 30_000, timeoutMs = 2_500, now = Date.now } = opts;
  const cache = new Map<string, { value: Promise<Members>; expires: number }>();

  const list = async (client: webApi.WebClient): Promise<Members> => {
    const res = await withTimeout('usergroups.list', timeoutMs, client.usergroups.list({ include_users: true }));
    const members: Members = new Map();
    for (const group of res.usergroups ?? []) {
      if (!group.id) continue;
      for (const user of group.users ?? []) members.set(user, [...(members.get(user) ?? []), group.id]);
    }
    return members;
  };

  return {
    async groupsOf(client, team, user) {
      let hit = cache.get(team);
      if (!hit || hit.expires <= now()) {
        if (cache.size >= MAX_TEAMS) cache.clear();
        const entry = { expires: now() + ttlMs, value: Promise.resolve<Members>(new Map()) };
        entry.value = list(client).catch((err: unknown) => {
          log.warn({ err, team }, 'slack: usergroups.list failed; no user-group moderators for now');
          entry.expires = now() + failureTtlMs;
          return new Map();
        });
        cache.set(team, entry);
        hit = entry;
      }
      return (await hit.value).get(user) ?? [];
    },
  };
}
