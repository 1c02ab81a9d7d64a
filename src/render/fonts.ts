/**
 * The fonts every renderer draws with, by role: a serif for body and tables (宋体-like),
 * a heavy serif for titles (standing in for 小标宋), a sans for headings (黑体-like) and a
 * kai (楷体). They come from npm packages (OFL), so no system fonts are needed; a user may
 * replace any role with a font they own (a FangSong, say).
 *
 * No single font draws every Chinese name: Noto lacks 𠮷 and 𪚥, for instance. So text is
 * split into runs, each drawn with the first font of a fallback chain that has the
 * character; a character no font has is reported by `check` before anything is drawn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { isWoff, woffToSfnt } from './woff.js';

export const FONT_ROLES = ['serif', 'serifBold', 'title', 'sans', 'kai'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export interface FontFace {
  /** Family name the renderers register this face under (`serif`, `kai`, …). */
  id: FontRole;
  /** Where the face came from, as the user would recognise it. */
  source: string;
  /** TrueType/OpenType bytes (WOFF already converted). */
  bytes: Buffer;
  /** Family name inside the font (for DOCX, which names fonts rather than embedding them). */
  familyName: string;
  font: fontkit.Font;
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

export interface Run {
  text: string;
  face: FontRole;
}

const require = createRequire(import.meta.url);

function packageFile(pkg: string, rel: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);
}

/** The bundled fonts: Noto Serif SC / Noto Sans SC (TrueType) and LXGW WenKai (WOFF). */
export function bundledFontFiles(): Record<FontRole, string> {
  const serif = '@expo-google-fonts/noto-serif-sc';
  return {
    serif: packageFile(serif, '400Regular/NotoSerifSC_400Regular.ttf'),
    serifBold: packageFile(serif, '700Bold/NotoSerifSC_700Bold.ttf'),
    // Bold, not Black: heavy enough to stand in for 小标宋, and one font file fewer in memory.
    title: packageFile(serif, '700Bold/NotoSerifSC_700Bold.ttf'),
    sans: packageFile('@expo-google-fonts/noto-sans-sc', '500Medium/NotoSansSC_500Medium.ttf'),
    kai: packageFile('@fontsource/lxgw-wenkai', 'files/lxgw-wenkai-latin-500-normal.woff'),
  };
}

interface LoadedFont {
  /** sfnt bytes for embedding; a WOFF is converted only when a document needs them. */
  readonly bytes: Buffer;
  font: fontkit.Font;
}

/** Fonts by file; a process loads each file once (a CJK font is 10–25 MB). */
const loaded = new Map<string, LoadedFont>();

export class FontError extends Error {
  constructor(readonly file: string, reason: string) {
    super(reason);
  }
}

function loadFile(file: string): LoadedFont {
  const hit = loaded.get(file);
  if (hit) return hit;
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (e) {
    throw new FontError(file, (e as Error).message);
  }
  let font: fontkit.Font;
  try {
    // fontkit reads a WOFF lazily, table by table: a coverage question inflates only the cmap.
    const created = fontkit.create(raw) as fontkit.Font | fontkit.FontCollection;
    // A collection (.ttc) contributes its first face.
    font = 'fonts' in created ? (created.fonts[0] as fontkit.Font) : created;
    if (!font || typeof font.hasGlyphForCodePoint !== 'function') throw new Error('no usable face');
  } catch (e) {
    throw new FontError(file, `not a font file (${(e as Error).message})`);
  }
  let sfnt: Buffer | undefined;
  const entry: LoadedFont = {
    get bytes() {
      if (!sfnt) {
        sfnt = isWoff(raw) ? woffToSfnt(raw) : raw;
        // Metrics and glyphs are read from the converted font from now on.
        if (sfnt !== raw) entry.font = fontkit.create(sfnt) as fontkit.Font;
      }
      return sfnt;
    },
    font,
  };
  loaded.set(file, entry);
  return entry;
}

export class FontSet {
  /** Faces by role, each read from disk the first time it is needed (a CJK font is 10–25 MB). */
  readonly faces: Record<FontRole, FontFace>;
  private readonly chains: Record<FontRole, FontRole[]>;
  private readonly coverage = new Map<FontRole, Map<number, boolean>>();

  constructor(readonly files: Record<FontRole, string>) {
    const faces = {} as Record<FontRole, FontFace>;
    for (const role of FONT_ROLES) {
      let face: FontFace | undefined;
      Object.defineProperty(faces, role, {
        enumerable: true,
        get: () => {
          if (face) return face;
          const entry = loadFile(files[role]);
          const font = entry.font;
          face = {
            id: role,
            source: files[role],
            get bytes() {
              return entry.bytes;
            },
            get font() {
              return entry.font;
            },
            familyName: font.familyName,
            unitsPerEm: font.unitsPerEm,
            ascent: font.ascent,
            descent: font.descent,
          };
          return face;
        },
      });
    }
    this.faces = faces;
    // Each role falls back to the body serif, then kai (which has the rare name
    // characters), then the sans.
    const chain = (first: FontRole): FontRole[] => [...new Set<FontRole>([first, 'serif', 'kai', 'sans'])];
    this.chains = { serif: chain('serif'), serifBold: chain('serifBold'), title: chain('title'), sans: chain('sans'), kai: chain('kai') };
  }

  has(role: FontRole, cp: number): boolean {
    let m = this.coverage.get(role);
    if (!m) this.coverage.set(role, (m = new Map()));
    let v = m.get(cp);
    if (v === undefined) {
      v = this.faces[role].font.hasGlyphForCodePoint(cp);
      m.set(cp, v);
    }
    return v;
  }

  /** The face that draws `cp` for a role, or undefined when no font has it. */
  faceFor(role: FontRole, cp: number): FontRole | undefined {
    // Spaces and controls never need a fallback.
    if (cp <= 0x20) return role;
    return this.chains[role].find((r) => this.has(r, cp));
  }

  /** Text split into runs by the face that draws each character. */
  segment(text: string, role: FontRole): Run[] {
    const runs: Run[] = [];
    let cur: Run | undefined;
    for (const ch of text) {
      const face = this.faceFor(role, ch.codePointAt(0)!) ?? role;
      if (cur && cur.face === face) cur.text += ch;
      else runs.push((cur = { text: ch, face }));
    }
    return runs;
  }

  /** Characters of `text` that no font in the set can draw. */
  missing(text: string): string[] {
    const out = new Set<string>();
    for (const ch of text) if (this.faceFor('serif', ch.codePointAt(0)!) === undefined) out.add(ch);
    return [...out];
  }
}

export type FontChoice = Partial<Record<FontRole, string>>;

/**
 * The bundled fonts with any roles the user replaced (absolute paths). Every file is opened
 * here once, so a missing or broken font is reported before any work starts; the fonts'
 * data stays in the file cache of this process and is shared by every document.
 */
export function fontSet(choice: FontChoice = {}): FontSet {
  const set = new FontSet({ ...bundledFontFiles(), ...choice });
  for (const role of Object.keys(choice) as FontRole[]) void set.faces[role];
  return set;
}

/** Roles whose face draws something in these texts (including fallbacks). */
export function rolesUsed(set: FontSet, texts: Iterable<{ text: string; font: FontRole }>): Set<FontRole> {
  const used = new Set<FontRole>();
  for (const t of texts) for (const run of set.segment(t.text, t.font)) used.add(run.face);
  return used;
}

/** The bundled body serif's bytes: page numbers are always set in it (GB/T 9704: 半角宋体). */
export function bundledSerifBytes(): Buffer {
  return loadFile(bundledFontFiles().serif).bytes;
}
