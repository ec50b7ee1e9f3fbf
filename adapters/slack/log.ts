/** Bolt's logger interface on top of the app's pino logger, so Slack logs land in the same stream. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/log.ts';

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ lib: 'slack-bolt' });
  const emit = (level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    const err = parts.find((p): p is Error => p instanceof Error);
    const text = parts
      .filter((p) => !(p instanceof Error))
      .map(describe)
      .join(' ');
    if (err) child[level]({ err }, text || err.message);
    else child[level](text);
  };
  return {
    debug: (...parts: unknown[]) => emit('debug', parts),
    info: (...parts: unknown[]) => emit('info', parts),
    warn: (...parts: unknown[]) => emit('warn', parts),
    error: (...parts: unknown[]) => emit('error', parts),
    // pino owns the level; Bolt only asks so it can skip building debug strings.
    setLevel: () => {},
    getLevel: () => {
      const enabled = (level: string) => log.isLevelEnabled?.(level) ?? true;
      if (enabled('debug')) return LogLevel.DEBUG;
      if (enabled('info')) return LogLevel.INFO;
      if (enabled('warn')) return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}
