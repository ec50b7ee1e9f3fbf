/**
 * Slack payloads → the core's neutral `Where` and `Request`. One place decides which Slack id is
 * the space, so a workspace's data is found under the same key whether it is reached by a slash
 * command, a button or the App Home tab — and never under another workspace's.
 */
import type { Asker, Request, Where } from '../../src/core/request.ts';

/** The workspace (team id) is where data belongs; on Enterprise Grid too, never the enterprise id. */
export function slackWhere(team: string, channel: string): Where {
  return { platform: 'slack', space: team, channel };
}

/** A slash command: `/name text` by `user` → the request the core answers. */
export function commandRequest(command: { command: string; text: string; team_id: string; channel_id: string }, user: Asker): Request {
  return {
    command: command.command.replace(/^\//, ''),
    args: command.text.trim(),
    user,
    where: slackWhere(command.team_id, command.channel_id),
  };
}

/** Which period the App Home tab shows: all time, so "no answers yet" is true when it says so. */
export const HOME_LEADERBOARD_ARGS = 'all';

/**
 * What the App Home tab asks the core for: `/leaderboard all` in the workspace the Home was opened
 * in, exactly as `/leaderboard all` typed in that workspace would. Undefined without a team id:
 * better no leaderboard than one from the wrong space. The user needs no powers to read
 * standings, so no users.info lookup is spent on every Home visit.
 */
export function homeLeaderboardRequest(team: string | undefined, user: string, channel: string | undefined): Request | undefined {
  if (!team || !user) return undefined;
  return {
    command: 'leaderboard',
    args: HOME_LEADERBOARD_ARGS,
    user: { id: user, name: user, isAdmin: false, groups: [] },
    where: slackWhere(team, channel ?? ''),
  };
}
