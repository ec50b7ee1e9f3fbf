import { LIMITS } from './limits.ts';

/**
 * A button's custom id is this prefix plus the core's action id, and nothing else: a click after
 * a restart carries everything needed to act on it, so the adapter keeps no per-message state.
 * The prefix tells our buttons from any other component sent to the same application.
 */
const PREFIX = 'sb:';

/** `null` when the action id is too long to fit (the core promises at most 90 characters). */
export function toCustomId(actionId: string): string | null {
  const customId = PREFIX + actionId;
  return customId.length <= LIMITS.customId ? customId : null;
}

/** The action id inside one of our custom ids, or `null` for anything else. */
export function fromCustomId(customId: string): string | null {
  if (!customId.startsWith(PREFIX)) return null;
  const actionId = customId.slice(PREFIX.length);
  return actionId === '' ? null : actionId;
}
