/** The surface adapters use. An adapter never imports a command module directly. */
import type { Reply } from './reply.ts';
import type { Request, Where, Asker } from './request.ts';

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Offer completions from `Bot.suggest`. */
  autocomplete: boolean;
  /** A closed list of values (e.g. citation styles). */
  choices?: string[];
  maxLength?: number;
  /** A whole number in a range; platforms with typed options (Discord) refuse anything else before it reaches the core. */
  integer?: { min: number; max: number };
  /** A role (Discord) or user group (Slack) id: Discord offers its role picker. */
  role?: boolean;
  /** A file (Discord's attachment option); the core receives its link. Text platforms type the link. */
  attachment?: boolean;
}

/** A subcommand and its own options. Typed platforms (Discord) register it natively; text platforms type its name first. */
export interface SubcommandSpec {
  /** One word, or a group and a word ("schedule add"), which Discord nests as a subcommand group. */
  name: string;
  /** ≤ 100 characters. */
  description: string;
  options: CommandOption[];
}

export interface CommandSpec {
  name: string;
  /** One line, ≤ 100 characters (Discord's limit for descriptions). */
  description: string;
  usage: string;
  example: string;
  /**
   * Options in order; an adapter that receives them separately joins the given values with
   * spaces to form `Request.args`.
   */
  options: CommandOption[];
  /** When present, the command's options are its subcommands' (and `options` is empty). */
  subcommands?: SubcommandSpec[];
  moderatorOnly: boolean;
  /** Its answers come from the corpus: moderators may pin or correct them, users may report them. */
  curatable?: boolean;
}

export interface Suggestion {
  label: string;
  value: string;
}

export interface Bot {
  specs(): CommandSpec[];
  /** Never throws: bad input and internal failures come back as an error `Reply`. */
  handle(req: Request): Promise<Reply>;
  /** A follow-up action (button click) by `user` in `where`. Never throws. */
  act(actionId: string, user: Asker, where: Where): Promise<Reply>;
  /** Autocomplete values for one option, at most 25. */
  suggest(command: string, option: string, partial: string, where: Where): Suggestion[];
  /**
   * True when the next answer may first do one-off work (the corpus changed under the bot, or
   * its question bank is not built yet). The core answers synchronously, so an adapter with a
   * deadline (Discord's 3 s) must acknowledge before calling it, not race a timer against it.
   */
  mayBeSlow?(): boolean;
}
