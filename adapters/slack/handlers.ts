/**
 * Maps Slack events to Bot calls: slash commands → handle, buttons → act, App Home → specs and
 * the workspace's `/leaderboard`. Every listener acks first: Slack gives three seconds, the bot may
 * take longer.
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';
import type { Bot } from '../../src/core/bot-api.ts';
import { errorReply, type Reply } from '../../src/core/reply.ts';
import type { AskerLookup } from './asker.ts';
import { deliver, redraw } from './deliver.ts';
import { uploadPicture } from './picture.ts';
import { homeView } from './home.ts';
import { ACTION_PREFIX, LIMITS } from './limits.ts';
import { commandRequest, homeLeaderboardRequest, slackWhere } from './to-request.ts';
import type { Turns } from './turns.ts';
import { fileShareRequest, sharedFile } from './file-share.ts';
import { postToChannel } from './post.ts';

export interface HandlerDeps {
  bot: Bot;
  log: Logger;
  askers: AskerLookup;
  turns: Turns;
}

const ACTION_PATTERN = new RegExp(`^${ACTION_PREFIX}`);

async function guarded(log: Logger, what: string, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (err) {
    log.error({ err }, `slack: ${what} threw`);
    return errorReply('Something went wrong', 'Sorry, that did not work. Please try again in a moment.');
  }
}

function missingRespond(log: Logger, what: string): RespondFn {
  return async () => log.warn(`slack: ${what} carried no response_url; nothing posted`);
}

const text = (record: Record<string, unknown>, key: string): string | undefined => {
  const value = record[key];
  return typeof value === 'string' && value ? value : undefined;
};

export function registerHandlers(app: App, { bot, log, askers, turns }: HandlerDeps): void {
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    const name = command.command.replace(/^\//, '');
    // Asked for every command, not only moderator-only ones: the core decides what needs it
    // (`/quiz close` is a moderator's subcommand of a command everyone may use).
    const user = await askers.asker(client, command.team_id, { id: command.user_id, name: command.user_name });
    const reply = await guarded(log, `/${name}`, () => bot.handle(commandRequest(command, user)));
    const pictureFile = await uploadPicture(client, reply, log);
    await deliver(respond ?? missingRespond(log, `/${name}`), reply, { replace: false, pictureFile }, log);
  });

  app.action<BlockAction>(ACTION_PATTERN, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || !action.value) return;
    const actionId = action.value;
    const space = body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '';
    const container: Record<string, unknown> = body.container;
    const channel = body.channel?.id ?? text(container, 'channel_id') ?? '';
    const where = slackWhere(space, channel);
    const send = respond ?? missingRespond(log, `action ${actionId}`);
    const user = await askers.asker(client, space, { id: body.user.id, name: body.user.name ?? body.user.username });
    const messageTs = text(container, 'message_ts') ?? body.message?.ts ?? action.action_ts;
    // Taken right before the bot counts the click, so redraws go out in the order of their tallies.
    const turn = turns.take(`${space}:${channel}:${messageTs}`);
    try {
      const reply = await guarded(log, `action ${actionId}`, () => bot.act(actionId, user, where));
      const { updateOriginal, ...own } = reply;
      if (!updateOriginal) {
        turn.release();
        // A new reply (a timeline chosen from "Which Zhukov?") carries its picture as a command does; a page turn replaces words only.
        const pictureFile = reply.page === undefined ? await uploadPicture(client, reply, log) : null;
        await deliver(send, reply, { replace: reply.page !== undefined, pictureFile }, log);
        return;
      }
      await turn.ready;
      await redraw(send, updateOriginal, log);
      turn.release();
      // The shared post shows the tally; what the clicker chose and whether it was right is theirs alone.
      await deliver(send, { ...own, ephemeral: true }, { replace: false, maxMessages: LIMITS.messagesPerReply - 1 }, log);
    } finally {
      turn.release();
    }
  });

  app.event('message', async ({ event, body, client }) => {
    const shared = sharedFile(event);
    const team = body.team_id;
    if (!team || !shared) return;
    const user = await askers.asker(client, team, { id: shared.user, name: shared.user });
    const reply = await guarded(log, 'a shared file', () => bot.handle(fileShareRequest(team, shared, user)));
    try {
      await postToChannel(client, shared.channel, reply);
    } catch (err) {
      log.error({ err, team }, 'slack: could not answer a shared file');
    }
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    const req = homeLeaderboardRequest(body.team_id, event.user, event.channel);
    let board: Reply | undefined;
    if (req) {
      try {
        board = await bot.handle(req);
      } catch (err) {
        // Bot.handle should never throw; if it does, the Home tab still lists the commands.
        log.error({ err, team: req.where.space }, 'slack: the Home leaderboard threw');
      }
    }
    try {
      await client.views.publish({ user_id: event.user, view: homeView(bot.specs(), board) });
    } catch (err) {
      log.error({ err, user: event.user }, 'slack: views.publish failed');
    }
  });
}
