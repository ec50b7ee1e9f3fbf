/** Waiting with a deadline: the one helper every adapter uses. The timer is always cleared. */
const TIMED_OUT: unique symbol = Symbol('timed out');

async function race<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The value if `promise` settles within `ms`, else `undefined`; the promise keeps running. */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const r = await race(promise, ms);
  return r === TIMED_OUT ? undefined : r;
}

/** Waits for `promise`, or `ms` at most, whichever comes first. */
export async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  await race(promise, ms);
}

/** `promise`'s value, or a rejection ("<what> took over <ms> ms") once `ms` have passed. */
export async function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  const r = await race(promise, ms);
  if (r === TIMED_OUT) throw new Error(`${what} took over ${ms} ms`);
  return r;
}
