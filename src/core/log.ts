/**
 * The logger every adapter takes: the part of pino it uses, so a pino logger fits it as it is and
 * a test can pass `silentLogger`.
 */
export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: object): Logger;
  /** pino's level check; a logger without it logs every level. */
  isLevelEnabled?(level: string): boolean;
}

const nothing: LogFn = () => {};

export const silentLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing, child: () => silentLogger };

/**
 * A logger that writes one readable line per entry ("error: command /who failed: database is
 * locked"): the console chat's, where JSON lines would bury the conversation.
 */
export function lineLogger(write: (line: string) => void, minimum = 'warn'): Logger {
  // pino's level names; "silent" logs nothing.
  const rank: Record<string, number> = { trace: 0, debug: 0, info: 1, warn: 2, error: 3, fatal: 3, silent: 9 };
  const enabled = (level: string) => (rank[level] ?? 3) >= (rank[minimum] ?? 2);
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogFn =>
    (first: object | string, msg?: string) => {
      if (!enabled(level)) return;
      if (typeof first === 'string') return write(`${level}: ${first}`);
      const err = (first as { err?: unknown }).err;
      const why = err instanceof Error ? err.message : err === undefined ? '' : String(err);
      write(`${level}: ${msg ?? ''}${why ? `: ${why}` : ''}`);
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger, isLevelEnabled: enabled };
  return logger;
}

/** Readable lines on stderr: the default where no logger is given, and the console chat's. */
export function stderrLogger(minimum = 'warn'): Logger {
  return lineLogger((line) => process.stderr.write(`${line}\n`), minimum);
}
