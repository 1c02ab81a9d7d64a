/** The exit codes every command keeps to (documented in the README). */
export const EXIT = {
  /** Success: no errors (warnings allowed unless --strict). */
  ok: 0,
  /** The submission (or package) has errors, or warnings under --strict. */
  problems: 1,
  /** Wrong usage: unknown command or option, a bad value, an invalid scheme, refusing to overwrite. */
  usage: 2,
  /** A file the command needs could not be read (or written). */
  io: 3,
  /** A bug in shenbao. */
  internal: 4,
} as const;

export class UsageError extends Error {}
