/** The adapter's logger is the core's: a pino logger fits it as it is. */
export { silentLogger, type Logger } from '../../src/core/log.ts';
