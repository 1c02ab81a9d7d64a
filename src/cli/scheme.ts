/** Choosing and loading the scheme for a command: --scheme, else the submission's `scheme:`, else the default. */
import { type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { loadScheme, schemeDirFor } from '../scheme/load.js';
import type { Scheme } from '../scheme/schema.js';

export class SchemeFailure extends Error {
  constructor(readonly dir: string, readonly diagnostics: Diagnostic[]) {
    super('scheme failure');
  }
}

const cache = new Map<string, Scheme>();

export function schemePicker(option: string | undefined, lang: Lang): (named: string | undefined) => Scheme {
  return (named) => {
    const dir = schemeDirFor(option ?? named);
    const hit = cache.get(dir);
    if (hit) return hit;
    const { scheme, diagnostics } = loadScheme(dir, lang);
    if (!scheme) throw new SchemeFailure(dir, diagnostics);
    cache.set(dir, scheme);
    return scheme;
  };
}
