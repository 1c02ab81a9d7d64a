/**
 * Why a file could not be read or written, as a reason a message can explain in either
 * language; the operating system's own words travel beside it as `detail`.
 */
export type IoReason = 'missing' | 'denied' | 'isDir' | 'notDir' | 'exists' | 'full' | 'other';

/** An error from the World port (reading) or a writer (writing). */
export class IoError extends Error {
  constructor(
    readonly path: string,
    readonly reason: IoReason,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** The reason behind a Node-style error code (ENOENT, EACCES …). */
export function ioReason(code: string | undefined): IoReason {
  switch (code) {
    case 'ENOENT': return 'missing';
    case 'EACCES': case 'EPERM': return 'denied';
    case 'EISDIR': return 'isDir';
    case 'ENOTDIR': return 'notDir';
    case 'EEXIST': return 'exists';
    case 'ENOSPC': case 'EDQUOT': return 'full';
    default: return 'other';
  }
}

/** Wraps whatever a read or write threw as an IoError for `path`. */
export function asIoError(e: unknown, path: string): IoError {
  if (e instanceof IoError) return e;
  const err = e as NodeJS.ErrnoException;
  return new IoError(path, ioReason(err?.code), err?.code ? `${err.code}` : String(err?.message ?? e));
}
