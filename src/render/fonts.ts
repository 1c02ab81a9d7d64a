/**
 * The fonts every renderer draws with, by role (serif, serifBold, title, sans, kai; see
 * paper/typography.ts). They come through the World's font source — the bundled npm font
 * packages (OFL), so no system fonts are needed — and a user may replace any role with a
 * font they own (a FangSong, say).
 *
 * No single font draws every Chinese name: Noto lacks 𠮷 and 𪚥, for instance. So text is
 * split into runs, each drawn with the first font of a fallback chain that has the
 * character; a character no font has is reported by `check` before anything is drawn.
 *
 * A font file is parsed once per process, whichever World asks: faces are cached by their
 * bytes, which the font source hands out as the same array every time.
 */
import type * as fontkit from 'fontkit';
import { CodePointMemo } from './code-point-memo.js';
import { createFont } from './fontkit-shared.js';
import { fail } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { FONT_ROLES, type FontRole } from '../paper/typography.js';
import type { FontSource } from '../world/world.js';
import { isWoff, woffToSfnt } from './woff.js';

export { FONT_ROLES, type FontRole };

export interface FontFace {
  /** Family name the renderers register this face under (`serif`, `kai`, …). */
  id: FontRole;
  /** Where the face came from, as the user would recognise it. */
  source: string;
  /** The bundled font of its role (DOCX then names the system font it stands for). */
  bundled: boolean;
  /** TrueType/OpenType bytes (a WOFF converted when first asked for). */
  readonly bytes: Buffer;
  /** Family name inside the font (for DOCX, which names fonts rather than embedding them). */
  familyName: string;
  readonly font: fontkit.Font;
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

export interface Run {
  text: string;
  face: FontRole;
}

interface ParsedFont {
  /** sfnt bytes for embedding; a WOFF is converted only when a document needs them. */
  readonly bytes: Buffer;
  font: fontkit.Font;
}

/** Parsed fonts by their bytes: one parse per file per process. */
const parsed = new WeakMap<Uint8Array, ParsedFont>();

function parse(raw: Uint8Array, file: string): ParsedFont {
  const hit = parsed.get(raw);
  if (hit) return hit;
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let font: fontkit.Font;
  try {
    // fontkit reads a WOFF lazily, table by table: a coverage question inflates only the cmap.
    const created = createFont(buf) as fontkit.Font | fontkit.FontCollection;
    // A collection (.ttc) contributes its first face.
    font = 'fonts' in created ? (created.fonts[0] as fontkit.Font) : created;
    if (!font || typeof font.hasGlyphForCodePoint !== 'function') throw new Error('no usable face');
  } catch (e) {
    throw fail('io', 'font.unreadable', { path: file, detail: `not a font file (${(e as Error).message})` }, { file });
  }
  let sfnt: Buffer | undefined;
  const entry: ParsedFont = {
    get bytes() {
      if (!sfnt) {
        sfnt = isWoff(buf) ? woffToSfnt(buf) : buf;
        // Metrics and glyphs are read from the converted font from now on.
        if (sfnt !== buf) entry.font = createFont(sfnt) as fontkit.Font;
      }
      return sfnt;
    },
    font,
  };
  parsed.set(raw, entry);
  return entry;
}

function faceOf(role: FontRole, file: string, bundled: boolean, p: ParsedFont): FontFace {
  return {
    id: role,
    source: file,
    bundled,
    get bytes() {
      return p.bytes;
    },
    get font() {
      return p.font;
    },
    familyName: p.font.familyName,
    unitsPerEm: p.font.unitsPerEm,
    ascent: p.font.ascent,
    descent: p.font.descent,
  };
}

export class FontSet {
  private readonly chains: Record<FontRole, FontRole[]>;
  /** Per role, whether its face has a character (1) or not (0). */
  private readonly coverage = new Map<FontRole, CodePointMemo>();

  constructor(
    readonly faces: Readonly<Record<FontRole, FontFace>>,
    /** The bundled body serif: page numbers and captions are always set in it (GB/T 9704: 半角宋体). */
    readonly numbers: FontFace,
  ) {
    // Each role falls back to the body serif, then kai (which has the rare name
    // characters), then the sans.
    const chain = (first: FontRole): FontRole[] => [...new Set<FontRole>([first, 'serif', 'kai', 'sans'])];
    this.chains = { serif: chain('serif'), serifBold: chain('serifBold'), title: chain('title'), sans: chain('sans'), kai: chain('kai') };
  }

  has(role: FontRole, cp: number): boolean {
    let m = this.coverage.get(role);
    if (!m) this.coverage.set(role, (m = new CodePointMemo((c) => (this.faces[role].font.hasGlyphForCodePoint(c) ? 1 : 0))));
    return m.get(cp) === 1;
  }

  /** The face that draws `cp` for a role, or undefined when no font has it. */
  faceFor(role: FontRole, cp: number): FontRole | undefined {
    // Spaces and controls never need a fallback.
    if (cp <= 0x20) return role;
    // A loop, not find(): this runs for every character drawn or measured.
    for (const r of this.chains[role]) if (this.has(r, cp)) return r;
    return undefined;
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

async function readFont(source: FontSource, file: string): Promise<Uint8Array> {
  try {
    return await source.read(file);
  } catch (e) {
    const detail = e instanceof IoError ? e.detail : (e as Error).message;
    throw fail('io', 'font.unreadable', { path: file, detail }, { file });
  }
}

/**
 * The bundled fonts with any roles the user replaced (absolute paths). Every file is read
 * and opened here, so a missing or broken font is reported (exit 3) before any work starts.
 */
export async function loadFontSet(source: FontSource, choice: FontChoice = {}): Promise<FontSet> {
  const files = FONT_ROLES.map((role) => choice[role] ?? source.bundled[role]);
  // Read together: 50-60 MB of font files, one after another, was most of this function.
  const raws = await Promise.allSettled([...files, source.bundled.serif].map((file) => readFont(source, file)));
  const raw = (i: number): Uint8Array => {
    const r = raws[i]!;
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  };
  const faces = {} as Record<FontRole, FontFace>;
  FONT_ROLES.forEach((role, i) => {
    faces[role] = faceOf(role, files[i]!, choice[role] === undefined, parse(raw(i), files[i]!));
  });
  const numbers = faces.serif.bundled ? faces.serif : faceOf('serif', source.bundled.serif, true, parse(raw(files.length), source.bundled.serif));
  return new FontSet(faces, numbers);
}

/** Roles whose face draws something in these texts (including fallbacks). */
export function rolesUsed(set: FontSet, texts: Iterable<{ text: string; font: FontRole }>): Set<FontRole> {
  const used = new Set<FontRole>();
  for (const t of texts) for (const run of set.segment(t.text, t.font)) used.add(run.face);
  return used;
}
