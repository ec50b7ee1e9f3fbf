import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandOption, CommandSpec, SubcommandSpec } from '../../src/core/bot-api.ts';
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
    options: spec.subcommands?.length ? subcommandOptions(spec.subcommands) : basicOptions(spec.options),
    // Only the admins' own /sourcebook command is hidden from members without Manage Server. The
    // moderator commands stay visible: a moderator role named with /sourcebook config must be able
    // to use them, and the core refuses everyone else on every call.
    ...(spec.name === ADMIN_COMMAND ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
  }));
}

function basicOptions(options: CommandOption[]): APIApplicationCommandBasicOption[] {
  // Discord wants required options first; values arrive by name, so the order is only the form's.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)].map(slashOption);
}

/** Native subcommands; "schedule add" and "schedule list" become the subcommands of a group "schedule". */
function subcommandOptions(subs: SubcommandSpec[]): APIApplicationCommandOption[] {
  const out: APIApplicationCommandOption[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandOption[]>();
  for (const sub of subs) {
    const [group, name] = sub.name.includes(' ') ? (sub.name.split(' ') as [string, string]) : [null, sub.name];
    const option: APIApplicationCommandSubcommandOption = {
      type: ApplicationCommandOptionType.Subcommand,
      name,
      description: describe(sub.description, name),
      options: basicOptions(sub.options),
    };
    if (!group) {
      out.push(option);
      continue;
    }
    let members = groups.get(group);
    if (!members) {
      members = [];
      groups.set(group, members);
      out.push({
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: group,
        description: describe(
          `${group}: ${subs
            .filter((s) => s.name.startsWith(`${group} `))
            .map((s) => s.name.split(' ')[1])
            .join(', ')}`,
          group,
        ),
        options: members,
      });
    }
    members.push(option);
  }
  return out;
}

function slashOption(option: CommandOption): APIApplicationCommandBasicOption {
  if (option.role) {
    return { type: ApplicationCommandOptionType.Role, name: option.name, description: describe(option.description, option.name), required: option.required };
  }
  if (option.attachment) {
    return {
      type: ApplicationCommandOptionType.Attachment,
      name: option.name,
      description: describe(option.description, option.name),
      required: option.required,
    };
  }
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
