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
