/**
 * The bad-input fixtures (test/fixtures/bad-input/): each file with the diagnostics it must
 * produce written beside it (<file>.expect). See that folder's README for the format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { messageOf } from '../../src/i18n/format.js';
import { interpretRoster } from '../../src/roster/interpret.js';
import { readRosterFile } from '../../src/roster/read.js';
import { fileDiagnostics } from '../../src/check/materials.js';
import { sniff } from '../../src/core/sniff.js';
import { analyzeFiles } from '../../src/submission/analyze.js';
import type { FileFact } from '../../src/submission/files.js';
import { parseSubmission } from '../../src/submission/load.js';
import { SCHEME, TODAY } from '../helpers/fixture.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'bad-input');

interface Expected {
  code: string;
  params: Record<string, string>;
  where: string;
}

function expectations(file: string): { exactly: boolean; list: Expected[] } {
  const lines = readFileSync(path.join(DIR, `${file}.expect`), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const exactly = lines[0] === 'exactly';
  const list = (exactly ? lines.slice(1) : lines).map((l) => {
    const [head, where] = l.split(' @ ');
    const [code, ...pairs] = head!.split(' ');
    return { code: code!, params: Object.fromEntries(pairs.map((p) => p.split('=') as [string, string])), where: where! };
  });
  return { exactly, list };
}

/** Where a diagnostic points, written as the .expect files write it. */
function whereOf(d: Diagnostic): string {
  const l = d.location;
  if (l.cell) return `cell ${l.cell}`;
  if (l.line !== undefined) return `${l.line}:${l.column}`;
  if (l.row !== undefined) return `row ${l.row}`;
  return '-';
}

async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
  const bytes = readFileSync(path.join(DIR, file));
  if (/\.(ya?ml|json)$/.test(file)) return parseSubmission(bytes.toString('utf8'), file).diagnostics;
  if (/\.(jpe?g|png)$/.test(file)) {
    // As a scan named in submission.yaml is looked at while loading (submission/analyze.ts).
    const fact: FileFact = { path: file, where: {}, status: 'ok', size: bytes.length, content: sniff(bytes) };
    await analyzeFiles([fact], new Map([[file, new Uint8Array(bytes)]]));
    return fileDiagnostics(fact, ['jpeg', 'png']);
  }
  const table = await readRosterFile(new Uint8Array(bytes), file, SCHEME);
  if (table.rows.length === 0) return table.diagnostics;
  return interpretRoster(table, { scheme: SCHEME, brandTrade: '中式烹调师', today: TODAY }).diagnostics;
}

const cases = readdirSync(DIR).filter((f) => !f.endsWith('.expect') && f !== 'README.md').sort();

describe('bad input says what is wrong, where it really is', () => {
  it('has a case for each fixture', () => expect(cases.length).toBeGreaterThanOrEqual(14));

  for (const file of cases) {
    it(file, async () => {
      const { exactly, list } = expectations(file);
      const got = await diagnosticsOf(file);
      const shown = got.map((d) => ({ code: d.code, where: whereOf(d), params: d.params as Record<string, unknown> }));
      for (const e of list) {
        const hit = shown.find((g) => g.code === e.code && g.where === e.where && Object.entries(e.params).every(([k, v]) => String(g.params[k]) === v));
        expect(hit, `${e.code} @ ${e.where} among ${JSON.stringify(shown)}`).toBeDefined();
      }
      // Exactly: these errors and warnings, no other (notes such as roster.subsidisedAssumed aside).
      if (exactly) expect(shown.filter((_, i) => got[i]!.severity !== 'info').map((g) => `${g.code} @ ${g.where}`)).toEqual(list.map((e) => `${e.code} @ ${e.where}`));
      // Every one of them reads as a sentence in both languages, and no message shows a control character.
      for (const d of got) for (const lang of ['zh', 'en'] as const) expect(messageOf(d, lang)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    });
  }
});
