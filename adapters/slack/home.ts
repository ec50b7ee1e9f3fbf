/** The App Home tab: what the bot can do, built from the command specs. Pure. */
import type { types } from '@slack/bolt';
import type { CommandSpec } from '../../src/core/bot-api.ts';
import { LIMITS } from './limits.ts';
import { chunkText, escapeMrkdwn } from './mrkdwn.ts';

const slashed = (text: string): string => (text.startsWith('/') ? text : `/${text}`);

function specText(spec: CommandSpec): string {
  const lines = [`*/${escapeMrkdwn(spec.name)}* — ${escapeMrkdwn(spec.description)}`];
  if (spec.usage) lines.push(`Usage: \`${escapeMrkdwn(slashed(spec.usage))}\``);
  if (spec.example) lines.push(`Example: \`${escapeMrkdwn(slashed(spec.example))}\``);
  if (spec.moderatorOnly) lines.push('_Workspace admins and owners only._');
  return lines.join('\n');
}

export function homeView(specs: CommandSpec[]): types.HomeView {
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
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}
