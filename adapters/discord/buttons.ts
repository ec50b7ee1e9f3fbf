import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Action } from '../../src/core/reply.ts';
import { toCustomId } from './custom-id.ts';
import { LIMITS } from './limits.ts';
import { truncateAtWord } from './text.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

export interface ButtonLayout {
  rows: ButtonRow[];
  /** Actions that could not become buttons (too many, id too long, or a duplicate id). */
  dropped: Action[];
}

/** One button per action, five to a row, at most five rows. */
export function buttonRows(actions: Action[]): ButtonLayout {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const dropped: Action[] = [];
  const seen = new Set<string>();
  const capacity = LIMITS.buttonsPerRow * LIMITS.rowsPerMessage;
  for (const action of actions) {
    const customId = toCustomId(action.id);
    // Discord rejects the whole message if two components share a custom id.
    if (customId === null || seen.has(customId) || buttons.length >= capacity) {
      dropped.push(action);
      continue;
    }
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: STYLES[action.style ?? 'secondary'],
      label: truncateAtWord(action.label.trim() || action.id, LIMITS.buttonLabel),
      custom_id: customId,
    });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { rows, dropped };
}
