/** Role ids as moderators type or paste them: a Discord role mention or a Slack user-group mention is unwrapped. */
import type { Platform } from '../core/request.ts';

/** "<@&123…>" → "123…"; "<!subteam^S0ABC|@mods>" → "S0ABC"; anything else as typed. */
export function unwrapRole(text: string): string {
  const t = text.trim();
  const discord = /^<@&(\d+)>$/.exec(t);
  if (discord) return discord[1]!;
  const slack = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t);
  if (slack) return slack[1]!;
  return t;
}

/** Null when the id has the right shape for the platform, else what to tell the admin. */
export function roleIdProblem(platform: Platform, id: string): string | null {
  switch (platform) {
    case 'discord':
      return /^\d{5,25}$/.test(id) ? null : 'A Discord role id is a long number (Server Settings → Roles → ⋯ → Copy Role ID), or mention the role.';
    case 'slack':
      return /^S[A-Z0-9]{2,30}$/.test(id) ? null : 'A Slack user-group id starts with S (e.g. S0614TZR7), or mention the group.';
    case 'console':
      return /^[\w.-]{1,64}$/.test(id) ? null : 'A role id is letters, digits, dots, dashes or underscores.';
  }
}
