/** A Web API call that gives up after `ms`, so a slow Slack never holds a reply for long. */
export { withTimeout } from '../../src/core/timeout.ts';
