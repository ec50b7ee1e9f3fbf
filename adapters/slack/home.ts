/**
 * The App Home tab: what the bot can do, built from the command specs, and below it the
 * workspace's quiz leaderboard as the core answered `/leaderboard`. Pure.
 */
import type { types } from '@slack/bolt';
import type { CommandSpec } from '../../src/core/bot-api.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LIMITS } from './limits.ts';
import { chunkText, escapeMrkdwn } from './mrkdwn.ts';
import { renderReply } from './render.ts';

const slashed = (text: string): string => (text.startsWith('/') ? text : `/${text}`);

/** Who may use a moderator command on Slack (the core's isModerator: admin facts or a named group). */
export const MODERATORS_LABEL = '_Moderators only: workspace admins and owners, and members of a user group an admin named with `/sourcebook config modrole`._';

export const NO_ANSWERS_YET = 'No quiz answers yet — try `/quiz`.';

function specText(spec: CommandSpec): string {
  const lines = [`*/${escapeMrkdwn(spec.name)}* — ${escapeMrkdwn(spec.description)}`];
  if (spec.usage) lines.push(`Usage: \`${escapeMrkdwn(slashed(spec.usage))}\``);
  if (spec.example) lines.push(`Example: \`${escapeMrkdwn(slashed(spec.example))}\``);
  if (spec.moderatorOnly) lines.push(MODERATORS_LABEL);
  return lines.join('\n');
}

function commandBlocks(specs: CommandSpec[]): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Sourcebook' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Cited answers from a corpus of sources on the Stalin-era purges. Type one of these commands in any channel or direct message:',
      },
    },
    { type: 'divider' },
  ];
  for (const spec of specs) {
    for (const text of chunkText(specText(spec), LIMITS.sectionText)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  return blocks;
}

/**
 * The leaderboard part: nothing when the core failed or refused (the Home tab then simply lists
 * the commands), a short line when nobody has answered yet, else the reply through the same
 * renderer (and escaping) as every message, fitted into one message's worth of blocks. Buttons
 * are dropped: a Home view has no response_url for the core's replies to go to.
 */
export function leaderboardBlocks(board: Reply | undefined): types.KnownBlock[] {
  if (!board || board.kind === 'error' || board.kind === 'refusal') return [];
  const title: types.KnownBlock = { type: 'header', text: { type: 'plain_text', text: 'Quiz leaderboard' } };
  if (board.kind !== 'answer' || board.blocks.length === 0) {
    return [{ type: 'divider' }, title, { type: 'section', text: { type: 'mrkdwn', text: NO_ANSWERS_YET } }];
  }
  const { updateOriginal: _redraw, page: _page, ...rest } = board;
  const [message] = renderReply({ ...rest, actions: [] }, { maxMessages: 1 });
  return [{ type: 'divider' }, ...(message?.blocks ?? [])];
}

export function homeView(specs: CommandSpec[], board?: Reply): types.HomeView {
  const tail = leaderboardBlocks(board);
  // The leaderboard (at most one message's 50 blocks, plus a divider) always fits; the command
  // list gives way first, and nothing the view holds goes over Slack's 100 blocks.
  const commands = commandBlocks(specs).slice(0, Math.max(0, LIMITS.homeBlocks - tail.length));
  return { type: 'home', blocks: [...commands, ...tail].slice(0, LIMITS.homeBlocks) };
}
