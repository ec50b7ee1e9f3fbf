// `npm run discord:register`: publishes the bot's slash commands to Discord.
import { createBot } from '../../src/app/bot.ts';
import { parseRegisterEnv } from './register-env.ts';
import { registerCommands } from './register.ts';

const parsed = parseRegisterEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}

try {
  const { scope, names } = await registerCommands({ ...parsed.env, specs: createBot().specs() });
  const where = scope === 'guild' ? `guild ${parsed.env.guildId}` : 'all servers (may take up to an hour to appear)';
  console.log(`Registered ${names.length} commands for ${where}: ${names.map((n) => `/${n}`).join(' ')}`);
} catch (error) {
  console.error(`Registering Discord commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
