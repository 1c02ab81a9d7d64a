import { readFileSync } from 'node:fs';

/** shenbao's version, from package.json (written into PDFs' neighbours, the disc and reports). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
