import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import type { Bot, Suggestion } from '../../src/core/bot-api.ts';
import { errorReply, type Reply } from '../../src/core/reply.ts';
import { clickAnswer } from './click-answer.ts';
import { fromCustomId } from './custom-id.ts';
import { LIMITS } from './limits.ts';
import type { Logger } from './logger.ts';
import { settledWithin } from '../../src/core/timeout.ts';
import { renderMessages } from './render.ts';
import { withPicture } from './picture.ts';
import { answerClick, completeDeferredClick, completeDeferredReply, followUps, replyNew, type Answerable } from './respond.ts';
import { truncateAtWord } from './text.ts';
import { askerOf, requestOf, whereOf } from './to-request.ts';

export interface HandlerDeps {
  bot: Bot;
  logger: Logger;
  /**
   * How long an answer may take before the interaction is deferred. Discord drops an interaction
   * not acknowledged within 3 s, so this leaves room for the network.
   */
  deferAfterMs: number;
}

export const DEFAULT_DEFER_AFTER_MS = 1500;

const failure = (): Reply => errorReply('Something went wrong', 'Sourcebook could not answer that just now. Please try again in a moment.');

/** Routes one interaction; never rejects (failures are logged and, when possible, told to the user). */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    else if (interaction.isButton()) await onButton(interaction, deps);
  } catch (error) {
    deps.logger.error({ err: error, interactionId: interaction.id }, 'discord: interaction failed');
    if (interaction.isChatInputCommand() || interaction.isButton()) await tellFailure(interaction, deps.logger);
  }
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const request = requestOf(interaction);
  const answer = () => guard(() => deps.bot.handle(request), deps.logger, { command: request.command });
  const early = await answerIfQuick(answer, deps);
  if (early.quick) {
    await replyNew(interaction, await withPicture(early.quick, renderMessages(early.quick, deps.logger), deps.logger));
    return;
  }
  // Most answers are for the channel; an ephemeral one replaces the placeholder when it comes.
  await interaction.deferReply();
  const later = await early.later();
  await completeDeferredReply(interaction, false, await withPicture(later, renderMessages(later, deps.logger), deps.logger));
}

async function onButton(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const actionId = fromCustomId(interaction.customId);
  if (actionId === null) {
    deps.logger.warn({ customId: interaction.customId }, 'discord: unknown button');
    const stale = errorReply('Button not recognised', 'This button is from an older version of Sourcebook. Run the command again.');
    await replyNew(interaction, renderMessages(stale, deps.logger));
    return;
  }
  const user = askerOf(interaction);
  const where = whereOf(interaction);
  const answer = () => guard(() => deps.bot.act(actionId, user, where), deps.logger, { actionId });
  const early = await answerIfQuick(answer, deps);
  if (early.quick) {
    await answerClick(interaction, await clickWithPicture(early.quick, deps));
    return;
  }
  // Deferring as an update keeps both options open: edit the clicked message, or post new ones.
  await interaction.deferUpdate();
  await completeDeferredClick(interaction, await clickWithPicture(await early.later(), deps));
}

/** A click that posts a new reply (a timeline chosen from "Which Zhukov?") carries its picture as a command does; a page turn edits words only. */
async function clickWithPicture(reply: Reply, deps: HandlerDeps): Promise<ReturnType<typeof clickAnswer>> {
  const answer = clickAnswer(reply, deps.logger);
  return answer.edit ? answer : { ...answer, send: await withPicture(reply, answer.send, deps.logger) };
}

async function onAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  let suggestions: Suggestion[] = [];
  try {
    suggestions = deps.bot.suggest(interaction.commandName, focused.name, String(focused.value), whereOf(interaction));
  } catch (error) {
    deps.logger.error({ err: error, command: interaction.commandName }, 'discord: suggest failed');
  }
  await interaction.respond(toChoices(suggestions));
}

function toChoices(suggestions: Suggestion[]): { name: string; value: string }[] {
  return (
    suggestions
      // A value Discord can't carry whole would come back as something the user didn't pick.
      .filter((s) => s.value !== '' && s.value.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.choices)
      .map((s) => ({ name: truncateAtWord(s.label.trim() || s.value, LIMITS.choiceName), value: s.value }))
  );
}

/** The core promises not to throw; if it does anyway, the user gets a short error instead. */
async function guard(work: () => Promise<Reply>, logger: Logger, context: object): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: error, ...context }, 'discord: bot threw');
    return failure();
  }
}

/**
 * The answer if it comes within `deferAfterMs`; otherwise `later` yields it once the caller has
 * deferred. When the core says it may be slow, it is not even started before the deferral: it
 * answers synchronously, so it would block this process (and any timer) while Discord waits.
 */
async function answerIfQuick(answer: () => Promise<Reply>, deps: HandlerDeps): Promise<{ quick?: Reply; later: () => Promise<Reply> }> {
  if (deps.bot.mayBeSlow?.()) return { later: answer };
  const pending = answer();
  const quick = await settledWithin(pending, deps.deferAfterMs);
  return quick ? { quick, later: () => pending } : { later: () => pending };
}

async function tellFailure(interaction: Answerable, logger: Logger): Promise<void> {
  const messages = renderMessages(failure(), logger);
  try {
    if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied) {
      // Don't leave the public "thinking…" placeholder hanging.
      await completeDeferredReply(interaction, interaction.ephemeral === true, messages);
    } else if (interaction.deferred || interaction.replied) {
      await followUps(interaction, messages);
    } else {
      await replyNew(interaction, messages);
    }
  } catch (error) {
    logger.error({ err: error, interactionId: interaction.id }, 'discord: could not report the failure');
  }
}
