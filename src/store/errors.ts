/** The store's errors that reach a person: each says what is wrong and what to do, without a stack trace. */

/** The database cannot be reached or refused us (down, wrong host, wrong password, no such database). */
export class StoreUnavailableError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`Sourcebook cannot use ${where}: ${reason}.`);
    this.name = 'StoreUnavailableError';
  }
}

/** The database was migrated by a newer Sourcebook: this code would misread it, so it refuses. */
export class MigrationsAheadError extends Error {
  constructor(
    readonly where: string,
    readonly current: number,
    readonly latest: number,
  ) {
    super(
      `${where} is at migration ${current}, but this Sourcebook knows migrations up to ${latest}: a newer version upgraded it. Run that version or a newer one; Sourcebook never downgrades a database.`,
    );
    this.name = 'MigrationsAheadError';
  }
}
