/**
 * Per-message turns for redrawing a shared post. Clicks on one quiz post are answered
 * concurrently, and each redraw carries the tally as of its click; without turns a slow
 * redraw of an older tally could land after a newer one and leave the post showing it.
 * A turn is taken just before asking the bot, so turns follow the order the tallies were made in.
 */
export interface Turn {
  /** Resolves when every earlier turn on the same key has been released. */
  ready: Promise<void>;
  /** Must be called once the turn is used or not needed; later calls do nothing. */
  release(): void;
}

export interface Turns {
  take(key: string): Turn;
  /** Keys with turns outstanding (for tests: nothing may leak). */
  readonly pending: number;
}

export function createTurns(): Turns {
  const tails = new Map<string, Promise<void>>();
  return {
    take(key) {
      const ready = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = ready.then(() => done);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return { ready, release };
    },
    get pending() {
      return tails.size;
    },
  };
}
