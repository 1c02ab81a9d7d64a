import { createRequire } from 'node:module';

/** shenbao's version, from package.json (written into the disc, the bag and reports). */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
