/**
 * fontkit as it is, loaded apart from the shared copy whose classes render/fontkit-shared.ts
 * gives faster paths: what those paths are held to.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function pristineFontkit(): { create(b: Buffer): unknown } {
  const entry = require.resolve('fontkit');
  const shared = require.cache[entry];
  delete require.cache[entry];
  try {
    return require(entry) as { create(b: Buffer): unknown };
  } finally {
    require.cache[entry] = shared;
  }
}
