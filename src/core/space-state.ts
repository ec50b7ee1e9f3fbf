/**
 * A space's settings within one request: each setting is read from the database the first time
 * a command or hook asks for it, then shared by everything else the request runs.
 */
import type { SpaceState } from './command.ts';

export function createSpaceState(key: string): SpaceState {
  const values = new Map<string, unknown>();
  return {
    key,
    once<T>(name: string, read: () => T): T {
      if (!values.has(name)) values.set(name, read());
      return values.get(name) as T;
    },
  };
}

/** The request's value of one setting of space `key`; read afresh for another space or outside a request. */
export function readForSpace<T>(space: SpaceState | undefined, key: string, name: string, read: () => T): T {
  return space?.key === key ? space.once(name, read) : read();
}
