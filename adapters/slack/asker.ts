/** The core's Asker for a Slack user: the platform facts (admin or owner, user groups), looked up in parallel. */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';
import type { Asker } from '../../src/core/request.ts';
import { createAdminLookup, type AdminLookup } from './admins.ts';
import { createGroupLookup, type GroupLookup } from './groups.ts';

export interface AskerLookup {
  /** Never rejects: a failed lookup means no extra powers. */
  asker(client: webApi.WebClient, team: string, user: { id: string; name: string }): Promise<Asker>;
}

export function createAskerLookup(log: Logger, deps: { admins?: AdminLookup; groups?: GroupLookup } = {}): AskerLookup {
  const admins = deps.admins ?? createAdminLookup(log);
  const groups = deps.groups ?? createGroupLookup(log);
  return {
    async asker(client, team, { id, name }) {
      const [isAdmin, memberOf] = await Promise.all([admins.isAdmin(client, team, id), groups.groupsOf(client, team, id)]);
      return { id, name, isAdmin, groups: memberOf };
    },
  };
}
