/**
 * The World on Node's file system: the only place besides the front ends that touches the
 * disk. Fonts are read once per process and shared by every World and every document.
 */
import { createReadStream, existsSync } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockFromEnv, type Clock } from '../core/clock.js';
import { asIoError } from '../core/io.js';
import type { FontRole } from '../paper/typography.js';
import type { EntryKind, EntryStat, FileReader, FontSource, World } from './world.js';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, rel: string): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);
  } catch {
    return undefined;
  }
}

/**
 * The bundled fonts, one file per role: Noto Serif SC / Noto Sans SC (TrueType) and LXGW
 * WenKai (WOFF). The npm font packages hold every weight (260 MB) while four files are drawn,
 * so the published package carries just those four in fonts/ (scripts/pack-fonts.mjs, run
 * by prepack), the WOFF as TrueType; a checkout reads them from the font packages it installs
 * for development, but the WOFF from the TrueType that `npm run build` writes into fonts/.
 */
export const BUNDLED_FONTS = {
  serif: { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', packed: 'NotoSerifSC-Regular.ttf', licence: 'LICENSE_FONT' },
  serifBold: { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', packed: 'NotoSerifSC-Bold.ttf', licence: 'LICENSE_FONT' },
  // Bold, not Black: heavy enough to stand in for 小标宋, and one font file fewer in memory.
  title: { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', packed: 'NotoSerifSC-Bold.ttf', licence: 'LICENSE_FONT' },
  sans: { pkg: '@expo-google-fonts/noto-sans-sc', file: '500Medium/NotoSansSC_500Medium.ttf', packed: 'NotoSansSC-Medium.ttf', licence: 'LICENSE_FONT' },
  // Shipped by its package only as WOFF; fonts/ holds it as TrueType (scripts/compile-fonts.mjs).
  kai: { pkg: '@fontsource/lxgw-wenkai', file: 'files/lxgw-wenkai-latin-500-normal.woff', packed: 'LXGWWenKai-Medium.ttf', licence: 'LICENSE' },
} as const satisfies Record<FontRole, { pkg: string; file: string; packed: string; licence: string }>;

/** fonts/ of the installed shenbao package (dist/world/ and src/world/ are both two levels down). */
export const PACKED_FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

/** The font file of each role: the packed copy when the package has one, else the font package's. */
export function bundledFontFiles(): Record<FontRole, string> {
  const out = {} as Record<FontRole, string>;
  for (const role of Object.keys(BUNDLED_FONTS) as FontRole[]) {
    const f = BUNDLED_FONTS[role];
    const packed = path.join(PACKED_FONTS_DIR, f.packed);
    // Neither there: name the packed path, so loading the fonts says which file is missing (exit 3).
    out[role] = existsSync(packed) ? packed : (packageFile(f.pkg, f.file) ?? packed);
  }
  return out;
}

const fontBytes = new Map<string, Promise<Uint8Array>>();

/**
 * A whole file in shared memory: a font read this way is handed to a render worker without
 * a copy (50 MB of fonts would otherwise be held once per thread).
 */
async function readShared(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/** Font files another thread of this process has read (shared memory), taken as read here. */
export function adoptFontFiles(files: readonly (readonly [file: string, bytes: Uint8Array])[]): void {
  for (const [file, bytes] of files) fontBytes.set(path.resolve(file), Promise.resolve(bytes));
}

/** Font files by path, read once per process (a CJK font is 10–25 MB). */
export const nodeFonts: FontSource = {
  bundled: bundledFontFiles(),
  read(file) {
    const key = path.resolve(file);
    let hit = fontBytes.get(key);
    if (!hit) {
      hit = readShared(key).catch((e: unknown) => {
        fontBytes.delete(key);
        throw asIoError(e, file);
      });
      fontBytes.set(key, hit);
    }
    return hit;
  },
};

function kindOf(st: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  return st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}

async function statOf(p: string, follow: boolean): Promise<EntryStat | undefined> {
  try {
    const st = follow ? await stat(p) : await lstat(p);
    return { kind: kindOf(st), size: st.size };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
    throw asIoError(e, p);
  }
}

async function* chunksOf(p: string): AsyncGenerator<Uint8Array> {
  const s = createReadStream(p, { highWaterMark: 1024 * 1024 });
  try {
    for await (const c of s) yield c as Uint8Array;
  } catch (e) {
    throw asIoError(e, p);
  }
}

function readerOf(fh: FileHandle, p: string): FileReader {
  return {
    async read(into, position) {
      try {
        let n = 0;
        while (n < into.byteLength) {
          const { bytesRead } = await fh.read(into, n, into.byteLength - n, position + n);
          if (bytesRead === 0) break;
          n += bytesRead;
        }
        return n;
      } catch (e) {
        throw asIoError(e, p);
      }
    },
    close: () => fh.close(),
  };
}

export interface NodeWorldOptions {
  /** The environment the clock reads (SOURCE_DATE_EPOCH); process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
}

export function nodeWorld(opts: NodeWorldOptions = {}): World {
  return {
    async read(p) {
      try {
        const b = await readFile(p);
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch (e) {
        throw asIoError(e, p);
      }
    },
    async readRange(p, offset, length) {
      try {
        const fh = await open(p, 'r');
        try {
          const b = Buffer.alloc(length);
          const { bytesRead } = await fh.read(b, 0, length, offset);
          return new Uint8Array(b.buffer, b.byteOffset, bytesRead);
        } finally {
          await fh.close();
        }
      } catch (e) {
        throw asIoError(e, p);
      }
    },
    async open(p) {
      try {
        return readerOf(await open(p, 'r'), p);
      } catch (e) {
        throw asIoError(e, p);
      }
    },
    stream: chunksOf,
    lstat: (p) => statOf(p, false),
    stat: (p) => statOf(p, true),
    async list(dir) {
      try {
        return await readdir(dir);
      } catch (e) {
        throw asIoError(e, dir);
      }
    },
    async realpath(p) {
      try {
        return await realpath(p);
      } catch (e) {
        throw asIoError(e, p);
      }
    },
    fonts: nodeFonts,
    clock: opts.clock ?? clockFromEnv(opts.env ?? process.env),
  };
}
