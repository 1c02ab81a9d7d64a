/**
 * A request the server will not carry out, with the HTTP status and the diagnostics that say
 * why — rendered in the asker's language only when the answer is sent.
 */
import type { Code, ParamsOf } from '../core/codes.js';
import { error, type Diagnostic, type Location } from '../core/diagnostic.js';

export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly diagnostics: Diagnostic[],
  ) {
    super(`${status}: ${diagnostics.map((d) => d.code).join(', ')}`);
  }
}

export function refuse<C extends Code>(status: number, code: C, params: ParamsOf<C>, location?: Location): Refusal {
  return new Refusal(status, [error(code, params, location)]);
}
