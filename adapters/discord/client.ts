import { Client, Events, GatewayIntentBits, type Interaction, type RESTOptions } from 'discord.js';
import { handleInteraction, type HandlerDeps } from './handlers.ts';

export interface DiscordClientOptions {
  /** REST overrides; tests point `api` at a local server. */
  rest?: Partial<RESTOptions>;
}

/**
 * Slash commands and buttons arrive as interactions, which need no privileged intents: Guilds
 * alone keeps guilds, channels and roles cached. No message may ping anyone, so mentions are
 * disabled by default as well as on every message sent.
 */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(options.rest ? { rest: options.rest } : {}),
  });
}

export interface BotAttachment {
  /** Resolves once every interaction received so far has been fully answered. */
  idle(): Promise<void>;
  /** Stops taking new interactions (those in flight carry on). */
  detach(): void;
}

/** Answers the client's interactions with the bot. */
export function attachBot(client: Client, deps: HandlerDeps): BotAttachment {
  const inFlight = new Set<Promise<void>>();
  const listener = (interaction: Interaction): void => {
    const work = handleInteraction(interaction, deps).finally(() => inFlight.delete(work));
    inFlight.add(work);
  };
  client.on(Events.InteractionCreate, listener);
  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    detach() {
      client.off(Events.InteractionCreate, listener);
    },
  };
}
