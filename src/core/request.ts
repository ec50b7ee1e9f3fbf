/** A neutral request: what an adapter hands the core for every command or button click. */
import type { Shown } from './shown.ts';
import type { TypedArgs } from './typed-args.ts';

export type Platform = 'discord' | 'slack' | 'console';

export interface Asker {
  /** Platform user id. */
  id: string;
  name: string;
  /**
   * Facts the platform reports about the user; the core decides what they mean.
   * Discord: Manage Server permission; Slack: workspace admin or owner; console: true.
   */
  isAdmin: boolean;
  /** Discord role ids or Slack user-group ids the user belongs to. */
  groups: string[];
}

export interface Where {
  platform: Platform;
  /** Discord guild id, Slack team id, or "local" for the console. Data never crosses spaces. */
  space: string;
  channel: string;
}

export interface Request {
  /** Command name without the slash: "who", "compare", "ask"… */
  command: string;
  /** The raw argument text as typed; for a typed request, what the core shows of its values. */
  args: string;
  /** Typed option values from a platform that has them (Discord); the core reads these, not `args`. */
  typed?: TypedArgs;
  /** 1-based page of a paged result, set by "More" actions. */
  page?: number;
  /** Set by a Report button: the reply the reporter was looking at. */
  shown?: Shown;
  user: Asker;
  where: Where;
}

/** Scope key under which per-server data is stored. */
export function spaceKey(where: Where): string {
  return `${where.platform}:${where.space}`;
}
