import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { RunningAdapter } from '../../src/core/adapter.ts';
import { silentLogger, type Logger } from './logger.ts';
import { restPoster } from './post.ts';

export interface ShardsConfig {
  token: string;
  /** `'auto'` asks Discord for the recommended count (one shard per ~1,000 guilds). */
  totalShards?: 'auto' | number;
  /** The entry each shard process runs; defaults to `shard-entry.ts`, which builds the real bot. */
  file?: string;
  logger?: Logger;
  /**
   * Pause between spawning shards. Discord allows one IDENTIFY per 5 s (per concurrency bucket),
   * hence discord.js's default of 5.5 s.
   */
  spawnDelayMs?: number;
}

/**
 * `stop` asks every shard to shut down cleanly (SIGTERM), then waits for the processes to exit.
 * `post` needs only REST, so the parent posts scheduled quizzes for all shards.
 */
export interface RunningShards extends RunningAdapter {
  manager: ShardingManager;
}

const DEFAULT_ENTRY = fileURLToPath(new URL('./shard-entry.ts', import.meta.url));

/** Runs the bot as one child process per shard; each child logs in with its own shard ids. */
export async function startDiscordShards(config: ShardsConfig): Promise<RunningShards> {
  const logger = config.logger ?? silentLogger;
  const manager = new ShardingManager(config.file ?? DEFAULT_ENTRY, {
    token: config.token,
    totalShards: config.totalShards ?? 'auto',
    mode: 'process',
    // No build step: each shard runs the TypeScript entry through tsx.
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id }, 'discord: shard started');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'discord: shard exited'));
  });
  await manager.spawn(config.spawnDelayMs !== undefined ? { delay: config.spawnDelayMs } : {});
  return {
    platform: 'discord',
    manager,
    post: restPoster(config.token, logger),
    stop: () => stopShards([...manager.shards.values()]),
    done: new Promise<void>(() => {}),
  };
}

/** Past this, a shard that has not exited after SIGTERM is killed outright. */
const STOP_GRACE_MS = 10_000;

async function stopShards(shards: Shard[]): Promise<void> {
  await Promise.all(
    shards.map(async (shard) => {
      // No respawn; SIGTERM lets the shard's own handler finish answers in flight and log out.
      shard.manager.respawn = false;
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }),
  );
}
