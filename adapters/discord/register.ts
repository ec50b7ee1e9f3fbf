import { REST, Routes, type RESTOptions } from 'discord.js';
import type { CommandSpec } from '../../src/core/bot-api.ts';
import { slashCommands } from './commands.ts';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register in this guild only: changes show at once, handy while developing. */
  guildId?: string;
  /** The commands to publish: `bot.specs()`. */
  specs: CommandSpec[];
  rest?: Partial<RESTOptions>;
}

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

/** Replaces the application's slash commands (guild or global) with the bot's current ones. */
export async function registerCommands(options: RegisterOptions): Promise<Registered> {
  const rest = new REST(options.rest ?? {}).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const body = slashCommands(options.specs);
  // A bulk PUT overwrites: commands the bot no longer has disappear from Discord too.
  await rest.put(route, { body });
  return { scope: options.guildId ? 'guild' : 'global', names: body.map((c) => c.name) };
}
