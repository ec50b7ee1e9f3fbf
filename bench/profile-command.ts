/** Profiles one command in a loop: `node --cpu-prof --import tsx bench/profile-command.ts who Yezhov`. */
import { silentLogger } from '../src/core/log.ts';
import { createBot } from '../src/app/bot.ts';

const [command = 'who', ...rest] = process.argv.slice(2);
const args = rest.join(' ') || 'Yezhov';
const N = Number(process.env.N ?? 100);
const bot = createBot({ logger: silentLogger });
const user = { id: 'p', name: 'p', isAdmin: false, groups: [] };
const where = { platform: 'console' as const, space: 'p', channel: 'p' };
for (let i = 0; i < 5; i++) await bot.handle({ command, args, user, where });
const t0 = performance.now();
for (let i = 0; i < N; i++) await bot.handle({ command, args, user, where });
console.log(`/${command} ${args}: ${((performance.now() - t0) / N).toFixed(2)} ms per call`);
