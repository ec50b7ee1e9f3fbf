import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandOption, CommandSpec } from '../../src/core/bot-api.ts';
import { LIMITS } from './limits.ts';
import { truncateAtWord } from './text.ts';

/** The command only server admins may run (it names the moderator role). */
const ADMIN_COMMAND = 'sourcebook';

/** The slash command definitions Discord needs for the core's commands. */
export function slashCommands(specs: CommandSpec[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return specs.map((spec) => ({
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: describe(spec.description, spec.name),
    // Discord wants required options first; Request.args still follows the spec's order.
    options: [...spec.options.filter((o) => o.required), ...spec.options.filter((o) => !o.required)].map(slashOption),
    // Only the admins' own /sourcebook command is hidden from members without Manage Server. The
    // moderator commands stay visible: a moderator role named with /sourcebook config must be able
    // to use them, and the core refuses everyone else on every call.
    ...(spec.name === ADMIN_COMMAND ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
  }));
}

function slashOption(option: CommandOption): APIApplicationCommandBasicOption {
  if (option.integer) {
    // Discord checks the type and range in the client, so "abc" or 11 never reaches the core.
    return {
      type: ApplicationCommandOptionType.Integer,
      name: option.name,
      description: describe(option.description, option.name),
      required: option.required,
      min_value: option.integer.min,
      max_value: option.integer.max,
    };
  }
  const base = {
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description: describe(option.description, option.name),
    required: option.required,
    ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
  } as const;
  if (option.choices && option.choices.length > 0) {
    // A closed list of choices and autocomplete are mutually exclusive on Discord.
    return {
      ...base,
      // A longer value could not come back intact, so it is left out rather than cut.
      choices: option.choices
        .filter((choice) => choice.length <= LIMITS.choiceValue)
        .slice(0, LIMITS.choices)
        .map((choice) => ({ name: choice, value: choice })),
    };
  }
  return { ...base, autocomplete: option.autocomplete };
}

function describe(description: string, fallback: string): string {
  const text = description.replace(/\s+/g, ' ').trim() || fallback;
  return truncateAtWord(text, LIMITS.commandDescription);
}
