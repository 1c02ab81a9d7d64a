/**
 * The .xlsx parts are read by our own tokenizer (xml-scan.ts) instead of saxes. What a user
 * would notice if it broke: a roster cell read differently from how Excel wrote it (an
 * entity, a line break, a prefixed element), or a damaged sheet read as a shorter table
 * instead of being refused. saxes is the reference: the same events for the same XML, however
 * the XML is cut into pieces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from '../../src/roster/xml-scan.js';
import { ROOT } from '../helpers/cli.js';

type Event = [string, string, Record<string, string>?];

function bySaxes(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser({ position: false });
  p.on('opentag', (t) => out.push(['open', t.name, { ...(t.attributes as Record<string, string>) }]));
  p.on('closetag', (t) => out.push(['close', t.name]));
  p.on('text', (t) => out.push(['text', t]));
  p.on('cdata', (t) => out.push(['text', t]));
  p.write(xml).close();
  return merged(out);
}

function byScanner(xml: string, piece = Infinity): Event[] {
  const out: Event[] = [];
  const s = new XmlScanner({ open: (n, a) => out.push(['open', n, { ...a }]), close: (n) => out.push(['close', n]), text: (t) => out.push(['text', t]) });
  for (let i = 0; i < xml.length; i += piece) s.write(xml.slice(i, i + piece));
  s.close();
  return merged(out);
}

/** Text may come in several events either way (split pieces, CDATA): compared joined. */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out.at(-1);
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push([...e] as Event);
  }
  return out;
}

const partsOf = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes))
    .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
    .map(([n, b]) => [n, new TextDecoder().decode(b)] as const);

const CRAFTED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- written by hand -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" a='1 &amp; 2'>
  <x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 王&lt;五&gt; &#x20BB7;&#26159; &quot;&apos; </x:t></x:is></x:c>
  <x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1"/></x:row>
  <x:row r="2"><x:c r="A2" t="str"><x:f>A1</x:f><x:v><![CDATA[<a & b>]]></x:v></x:c><x:c r="B2"><x:v>第一行\r\n第二行\r第三行</x:v></x:c></x:row></x:sheetData>
  <x:note tab="a\tb
c"/>
</x:worksheet>
`;

describe('the .xlsx tokenizer, against saxes', () => {
  it('gives the same elements, attributes and text for entities, CDATA, prefixes, line ends and empty elements', () => {
    const want = bySaxes(CRAFTED);
    expect(want.some((e) => e[0] === 'text' && e[1].includes('𠮷是'))).toBe(true);
    expect(byScanner(CRAFTED)).toEqual(want);
  });

  it('however the document is cut into pieces (a tag, an entity or a character split between them)', () => {
    const want = bySaxes(CRAFTED);
    for (const piece of [1, 2, 3, 5, 7, 13, 64]) expect(byScanner(CRAFTED, piece), `pieces of ${piece}`).toEqual(want);
  });

  it('reads every part of the example roster and of an ExcelJS workbook as saxes does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['序号', '姓名', '备注']);
    ws.addRow([1, '巴特尔·朝鲁', 'a < b & "c"\n第二行']);
    ws.addRow([2, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }, new Date(Date.UTC(2025, 0, 2))]);
    const made = new Uint8Array(await wb.xlsx.writeBuffer());
    const parts = [...partsOf(readFileSync(path.join(ROOT, 'data/example/花名册.xlsx'))), ...partsOf(made)];
    expect(parts.length).toBeGreaterThan(10);
    for (const [name, xml] of parts) expect(byScanner(xml, 4096), name).toEqual(bySaxes(xml));
  });

  it.each([
    ['a tag left open', '<a><b></a>'],
    ['a document cut short', '<a><b>text'],
    ['a closing tag for nothing', '<a></a></b>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['text outside the root', '<a/>tail'],
    ['a second root', '<a/><b/>'],
    ['an unquoted attribute', '<a r=1/>'],
    ['an attribute twice', '<a r="1" r="2"/>'],
    ['a < in an attribute', '<a r="<"/>'],
    ['no root at all', '  '],
  ])('refuses %s, as saxes does', (_, xml) => {
    expect(() => bySaxes(xml)).toThrow();
    expect(() => byScanner(xml)).toThrow();
  });
});
