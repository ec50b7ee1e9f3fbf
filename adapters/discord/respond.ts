import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import type { RenderedMessage } from './render.ts';

/** Interactions that get a message back: slash commands and button clicks. */
export type Answerable = ChatInputCommandInteraction | ButtonInteraction;

function asNew(message: RenderedMessage): InteractionReplyOptions {
  return {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.files ? { files: message.files } : {}),
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Edits can't change who sees a message, so they carry no flags. */
function asEdit(message: RenderedMessage): InteractionEditReplyOptions {
  return {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.files ? { files: message.files } : {}),
  };
}

/** New messages after the first response, in order. */
export async function followUps(interaction: Answerable, messages: RenderedMessage[]): Promise<void> {
  // One at a time, so the pieces of a long answer arrive in reading order.
  for (const message of messages) await interaction.followUp(asNew(message));
}

/** The first response to a fresh interaction: a new message. */
export async function replyNew(interaction: Answerable, [first, ...rest]: RenderedMessage[]): Promise<void> {
  if (!first) return;
  await interaction.reply(asNew(first));
  await followUps(interaction, rest);
}

/**
 * Completes a `deferReply`. The "thinking…" message's visibility was fixed when it was sent;
 * when the answer needs the other visibility, the placeholder goes and the answer follows up.
 */
export async function completeDeferredReply(interaction: Answerable, deferredEphemeral: boolean, messages: RenderedMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  if (first.ephemeral === deferredEphemeral) {
    await interaction.editReply(asEdit(first));
    await followUps(interaction, rest);
    return;
  }
  await interaction.deleteReply();
  await followUps(interaction, messages);
}

/**
 * What a button click sends: optionally a redraw of the message that carried the button, then
 * new messages in order.
 */
export interface ClickAnswer {
  edit: RenderedMessage | undefined;
  send: RenderedMessage[];
}

/** The first response to a fresh click. */
export async function answerClick(interaction: ButtonInteraction, { edit, send }: ClickAnswer): Promise<void> {
  if (!edit) {
    await replyNew(interaction, send);
    return;
  }
  await interaction.update(asEdit(edit));
  await followUps(interaction, send);
}

/** Completes a `deferUpdate`: the clicked message is still `@original`, so a redraw edits it. */
export async function completeDeferredClick(interaction: ButtonInteraction, { edit, send }: ClickAnswer): Promise<void> {
  if (edit) await interaction.editReply(asEdit(edit));
  await followUps(interaction, send);
}
