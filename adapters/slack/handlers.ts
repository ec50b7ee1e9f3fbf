/**
 * Maps Slack events to Bot calls: slash commands → handle, buttons → act, App Home → specs.
 * Every listener acks first: Slack gives three seconds, the bot may take longer.
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot } from '../../src/core/bot-api.ts';
import { errorReply, type Reply } from '../../src/core/reply.ts';
import type { Asker, Where } from '../../src/core/request.ts';
import type { AdminLookup } from './admins.ts';
import { deliver } from './deliver.ts';
import { homeView } from './home.ts';
import { ACTION_PREFIX } from './limits.ts';

export interface HandlerDeps {
  bot: Bot;
  log: Logger;
  admins: AdminLookup;
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

export function registerHandlers(app: App, { bot, log, admins }: HandlerDeps): void {
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    const name = command.command.replace(/^\//, '');
    const spec = bot.specs().find((s) => s.name === name);
    // Enterprise Grid sends team_id too; it is the workspace, which is where data belongs.
    const where: Where = { platform: 'slack', space: command.team_id, channel: command.channel_id };
    const reply = await guarded(log, `/${name}`, async () => {
      const isAdmin = spec?.moderatorOnly ? await admins.isAdmin(client, command.team_id, command.user_id) : false;
      const user: Asker = { id: command.user_id, name: command.user_name, isAdmin, groups: [] };
      return bot.handle({ command: name, args: command.text.trim(), user, where });
    });
    await deliver(respond ?? missingRespond(log, `/${name}`), reply, { replace: false }, log);
  });

  app.action<BlockAction>(ACTION_PATTERN, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || !action.value) return;
    const actionId = action.value;
    const space = body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '';
    const container: Record<string, unknown> = body.container;
    const channel = body.channel?.id ?? (typeof container.channel_id === 'string' ? container.channel_id : '');
    const where: Where = { platform: 'slack', space, channel };
    const reply = await guarded(log, `action ${actionId}`, async () => {
      // A click carries no spec, and may be a moderator's action, so always ask (cached).
      const isAdmin = await admins.isAdmin(client, space, body.user.id);
      const user: Asker = { id: body.user.id, name: body.user.name ?? body.user.username, isAdmin, groups: [] };
      return bot.act(actionId, user, where);
    });
    await deliver(respond ?? missingRespond(log, `action ${actionId}`), reply, { replace: reply.page !== undefined }, log);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView(bot.specs()) });
    } catch (err) {
      log.error({ err, user: event.user }, 'slack: views.publish failed');
    }
  });
}
