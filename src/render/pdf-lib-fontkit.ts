/**
 * pdf-lib needs a fontkit to embed fonts. Its own fork (@pdf-lib/fontkit) is a browser
 * build that copies the whole font into a new buffer, byte by byte, on every embedding —
 * about 40 ms for a 15 MB CJK font, paid for every numbered document and volume. The
 * fontkit 2 we already use reads a Node Buffer in place; the one method pdf-lib calls that
 * fontkit 2 renamed (subset.encodeStream → subset.encode) is adapted here.
 */
import { EventEmitter } from 'node:events';
import { createFont } from './fontkit-shared.js';

interface AnySubset {
  encode(): Uint8Array;
  encodeStream?: () => EventEmitter;
}

export const pdfLibFontkit = {
  create(bytes: Uint8Array): unknown {
    // The font is shared (fontkit-shared.ts): adapted once.
    const font = createFont(bytes) as unknown as { createSubset(): AnySubset; adapted?: true };
    if (font.adapted) return font;
    font.adapted = true;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => {
        const stream = new EventEmitter();
        queueMicrotask(() => {
          try {
            stream.emit('data', subset.encode());
            stream.emit('end');
          } catch (e) {
            stream.emit('error', e);
          }
        });
        return stream;
      };
      return subset;
    };
    return font;
  },
};
