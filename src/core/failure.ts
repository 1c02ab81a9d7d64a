/**
 * The one way a run stops early: a Failure carries the diagnostics that say why and the
 * exit code they mean. Pipelines throw it; the front ends (CLI, server) catch it and show
 * the diagnostics in the user's language — or as JSON. Anything else that escapes is a bug.
 */
import { error, type Diagnostic } from './diagnostic.js';
import type { Code, ParamsOf } from './codes.js';
import type { Location } from './diagnostic.js';
import { IoError } from './io.js';

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

export type ExitKind = Exclude<keyof typeof EXIT, 'ok'>;

export class Failure extends Error {
  constructor(
    readonly kind: ExitKind,
    readonly diagnostics: Diagnostic[],
  ) {
    super(`${kind}: ${diagnostics.map((d) => d.code).join(', ')}`);
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** What a worker thread sends back for what its job threw: a Failure as data, anything else as its message. */
export function thrownMessage(e: unknown): { failed: { kind: ExitKind; diagnostics: Diagnostic[] } } | { failure: string } {
  return e instanceof Failure ? { failed: { kind: e.kind, diagnostics: e.diagnostics } } : { failure: e instanceof Error ? e.message : String(e) };
}

/** A failure of one diagnostic: `fail('io', 'file.unreadable', {...}, {file})`. */
export function fail<C extends Code>(kind: ExitKind, code: C, params: ParamsOf<C>, location?: Location): Failure {
  return new Failure(kind, [error(code, params, location)]);
}

/** An IoError (from the World or a writer) as the failure to read (exit 3) it is. */
export function ioFailure(e: IoError, writing = false): Failure {
  const params = { path: e.path, reason: e.reason, detail: e.detail };
  return new Failure('io', [error(writing ? 'file.unwritable' : 'file.unreadable', params, { file: e.path })]);
}
