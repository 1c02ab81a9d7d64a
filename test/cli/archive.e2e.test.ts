import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { PDFDict, PDFDocument, PDFName } from '#pdf-lib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { json, run, type Run } from '../helpers/cli.js';
import { EXAMPLE_DIR } from '../helpers/example.js';
import { cleanup, tempDir } from '../helpers/fixture.js';
import { validateBag } from '../helpers/bagit-rules.js';
import { pdfFonts, pdfPageText } from '../helpers/pdf.js';
import { createHash } from 'node:crypto';
import { CHROMIUM, crossCheck } from '../helpers/tools.js';

afterAll(cleanup);

const NAME = '科尔沁右翼前旗天骄职业技能培训学校-中式烹调师';
const pkg = inject('exampleBuild').dir;
const PDFA = ['02-推荐表.pdf', '07-花名册.pdf', '06-信用承诺书.pdf'];

const verify = (target: string) => run(['verify', target, '--json']);
const codesOf = (r: Run) => (json(r).diagnostics as { code: string; file: string }[]).map((d) => d.code);

describe('the disc tree', () => {
  it('holds the documents, the volumes, the submission byte for byte, 说明.txt and index.html', async () => {
    const disc = path.join(pkg, 'disc');
    expect(readdirSync(disc).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'index.html', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt', '说明.txt']);
    expect(readdirSync(path.join(disc, 'data/表格'))).toContain('02-推荐表.docx');
    expect(readdirSync(path.join(disc, 'data/打印册')).sort()).toEqual(['书脊.pdf', '第1份.pdf', '第2份.pdf', '第3份.pdf']);
    for (const rel of ['submission.yaml', '花名册.xlsx', '材料/合作企业/企业1-就业协议.pdf', '材料/05-裁判文书网截图/裁判文书网查询截图.png']) {
      expect(readFileSync(path.join(disc, 'data/申报数据', rel)).equals(readFileSync(path.join(EXAMPLE_DIR, rel))), rel).toBe(true);
    }
    const readme = readFileSync(path.join(disc, '说明.txt'), 'utf8');
    expect(readme).toContain('shenbao verify');
    expect(readme).toContain('科尔沁右翼前旗天骄职业技能培训学校');
  });

  it('is a valid BagIt bag by the rules of RFC 8493', async () => {
    expect(validateBag(path.join(pkg, 'disc'))).toEqual([]);
    const info = readFileSync(path.join(pkg, 'disc/bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
    expect(info).toMatch(/^Source-Organization: 科尔沁右翼前旗天骄职业技能培训学校$/m);
  });

  it('can be rebuilt from its own submission data', async () => {
    const again = tempDir('rebuild-');
    const r = await run(['build', path.join(pkg, 'disc/data/申报数据'), '--out', again, '-q'], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    expect(r.code).toBe(0);
    for (const f of ['02-推荐表.pdf', '07-花名册.xlsx']) {
      expect(readFileSync(path.join(again, NAME, 'documents', f)).equals(readFileSync(path.join(pkg, 'documents', f))), f).toBe(true);
    }
  });
});

describe('generated documents as PDF/A-2b', () => {
  it('declare PDF/A-2b with an sRGB output intent, escaped metadata, a document ID, every font embedded', async () => {
    for (const f of PDFA) {
      const file = path.join(pkg, 'disc/data/表格', f);
      const bytes = readFileSync(file);
      const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(bytes.toString('utf8'))?.[0];
      expect(xmp, f).toBeDefined();
      // The XMP must parse as XML (pdfkit's own writes titles unescaped).
      const parser = new SaxesParser({ xmlns: true });
      parser.on('error', (e) => {
        throw e;
      });
      parser.write(xmp!.replace(/^<\?xpacket[^>]*\?>/, '').replace(/<\?xpacket[^>]*\?>$/, '')).close();
      expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(xmp).toMatch(/<xmp:ModifyDate>/);
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(doc.context.trailerInfo.ID, f).toBeDefined();
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
      const intent = (intents as unknown as { lookup(i: number, t: typeof PDFDict): PDFDict }).lookup(0, PDFDict);
      expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
      expect((await pdfFonts(new Uint8Array(bytes))).every((x) => x.embedded), f).toBe(true);
    }
  });

  crossCheck(['qpdf'], 'pass qpdf --check', async () => {
    for (const f of PDFA) execFileSync('qpdf', ['--check', path.join(pkg, 'disc/data/表格', f)], { stdio: 'ignore' });
  });

  // poppler's own reading of the font table, independent of pdfjs: every font embedded (emb = yes).
  crossCheck(['pdffonts'], 'have every font embedded, as pdffonts reads them', async () => {
    for (const f of PDFA) {
      const rows = execFileSync('pdffonts', [path.join(pkg, 'disc/data/表格', f)], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(rows.length, f).toBeGreaterThan(0);
      // Columns: name type encoding emb sub uni object ID — emb is the 4th from the end.
      expect(rows.filter((l) => l.trim().split(/\s+/).at(-5) !== 'yes'), f).toEqual([]);
    }
  });

  it('escapes & and < in the metadata of a document whose title holds them', async () => {
    const { renderPdf } = await import('../../src/render/render.js');
    const { loadFontSet } = await import('../../src/render/fonts.js');
    const { WORLD } = await import('../helpers/fixture.js');
    const form = { id: 't', name: 't', title: 'A & B <C>', orientation: 'portrait' as const, pageNumbers: false, blocks: [{ type: 'para' as const, para: { text: '正文', font: 'serif' as const, size: 'body' as const, align: 'left' as const } }] };
    const bytes = Buffer.from(await renderPdf(form, await loadFontSet(WORLD.fonts), { title: 'A & B <C>', author: '甲 & 乙', subject: 's', date: new Date(0) }));
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(bytes.toString('utf8'))![0];
    expect(xmp).toContain('A &amp; B &lt;C&gt;');
    expect(xmp).toContain('甲 &amp; 乙');
  });
});

describe('index.html', () => {
  it('links only to files that are on the disc, by relative links', async () => {
    const disc = path.join(pkg, 'disc');
    const html = readFileSync(path.join(disc, 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.length).toBeGreaterThan(30);
    expect(hrefs.filter((h) => /^[a-z]+:|^\//i.test(h))).toEqual([]);
    expect(hrefs.filter((h) => !existsSync(path.join(disc, ...decodeURI(h).split('/'))))).toEqual([]);
  });

  crossCheck([CHROMIUM], 'opens in Chromium with no network and no console errors, and every link resolves', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`network: ${r.url()}`));
      const index = path.join(pkg, 'disc/index.html');
      await page.goto(pathToFileURL(index).href);
      expect(await page.title()).toContain('兴安盟级示范性职业技能培训品牌申报材料');
      const hrefs = await page.$$eval("a", (as) => as.map((a) => (a as unknown as { href: string }).href));
      expect(hrefs.length).toBeGreaterThan(30);
      const missing = hrefs.filter((h) => !h.startsWith('file:') || !existsSync(fileURLToPath(h)));
      expect(missing).toEqual([]);
      // Following a link opens the file itself.
      const readme = hrefs.find((h) => decodeURIComponent(h).endsWith('说明.txt'))!;
      await page.goto(readme);
      expect(await page.textContent('body')).toContain('shenbao verify');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('shenbao verify', () => {
  it('passes the folder, the output folder, the zip and the ISO', async () => {
    for (const t of [path.join(pkg, 'disc'), pkg, path.join(pkg, `${NAME}.zip`), path.join(pkg, `${NAME}.iso`)]) {
      const r = await verify(t);
      expect(r.code, t).toBe(0);
      expect(json(r).verified).toBe(json(r).files);
    }
    expect((await run(['verify', path.join(pkg, 'disc')])).stdout).toContain('核验通过');
  });

  it('finds a flipped byte, a missing file and an extra file in a folder', async () => {
    const copy = path.join(tempDir('dmg-'), 'disc');
    cpSync(path.join(pkg, 'disc'), copy, { recursive: true });
    const pdf = path.join(copy, 'data/表格/02-推荐表.pdf');
    const b = readFileSync(pdf);
    b[2000] = b[2000]! ^ 0xff;
    writeFileSync(pdf, b);
    rmSync(path.join(copy, 'data/打印册/书脊.pdf'));
    writeFileSync(path.join(copy, 'data/表格/多余.txt'), 'x');
    const r = await verify(copy);
    expect(r.code).toBe(1);
    const ds = json(r).diagnostics as { code: string; file: string }[];
    expect(ds.filter((d) => d.code === 'verify.mismatch').map((d) => d.file)).toEqual(['data/表格/02-推荐表.pdf', 'data/表格/02-推荐表.pdf']);
    expect(ds.find((d) => d.code === 'verify.missing')!.file).toBe('data/打印册/书脊.pdf');
    expect(ds.find((d) => d.code === 'verify.extra')!.file).toBe('data/表格/多余.txt');
    expect(codesOf(r)).toContain('verify.oxum');
  });

  it('finds a changed tag file and a link, and never follows the link', async () => {
    const copy = path.join(tempDir('dmg-'), 'disc');
    cpSync(path.join(pkg, 'disc'), copy, { recursive: true });
    writeFileSync(path.join(copy, '说明.txt'), '改过了');
    symlinkSync('/etc/passwd', path.join(copy, 'data/链接.txt'));
    const r = await verify(copy);
    expect(codesOf(r)).toEqual(expect.arrayContaining(['verify.link', 'verify.mismatch']));
    expect(JSON.stringify(json(r))).not.toContain('root:');
  });

  it('finds a flipped byte in the zip and the ISO, and refuses truncated ones', async () => {
    const dir = tempDir('dmg-');
    for (const ext of ['zip', 'iso']) {
      const src = path.join(pkg, `${NAME}.${ext}`);
      const flipped = path.join(dir, `flipped.${ext}`);
      copyFileSync(src, flipped);
      const b = readFileSync(flipped);
      // A byte inside the first print volume's data, far from any header.
      const at = b.indexOf(Buffer.from('%PDF-1.7'), 100_000) + 5000;
      b[at] = b[at]! ^ 0xff;
      writeFileSync(flipped, b);
      const r = await verify(flipped);
      expect(r.code, ext).toBe(1);
      expect(codesOf(r), ext).toContain('verify.mismatch');
      const cut = path.join(dir, `cut.${ext}`);
      copyFileSync(src, cut);
      truncateSync(cut, Math.floor(b.length / 2));
      const t = await verify(cut);
      expect(t.code, ext).toBe(1);
      expect(codesOf(t), ext).toContain('verify.broken');
    }
  });

  it('refuses zip entries that would leave the folder, without writing anything', async () => {
    const dir = tempDir('slip-');
    const evil = path.join(dir, 'evil.zip');
    writeFileSync(evil, zipSync({ 'pkg/bagit.txt': Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'), '../escaped.txt': Buffer.from('x') }));
    const r = await verify(evil);
    expect(r.code).toBe(1);
    expect(codesOf(r)).toContain('verify.unsafeEntry');
    expect(existsSync(path.join(dir, '..', 'escaped.txt'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['evil.zip']);
  });

  it('says what is wrong with something that is no package, and exits 3 when there is nothing', async () => {
    const plain = tempDir('plain-');
    writeFileSync(path.join(plain, 'a.txt'), 'x');
    const r = await verify(plain);
    expect(r.code).toBe(1);
    expect(codesOf(r)).toEqual(['verify.notBag']);
    expect((await run(['verify', '/nonexistent.iso'])).code).toBe(3);
  });
});

describe('the paper names its disc', () => {
  /** The fingerprint as defined in docs/archive.md: SHA-256 of manifest-sha256.txt's lines outside data/打印册/. */
  const expected = () => {
    const lines = readFileSync(path.join(pkg, 'disc/manifest-sha256.txt'), 'utf8').split('\n').filter((l) => l && !l.split('  ')[1]!.startsWith('data/打印册/'));
    const sha = createHash('sha256').update(lines.map((l) => `${l}\n`).join('')).digest('hex');
    const bytes = lines.reduce((a, l) => a + readFileSync(path.join(pkg, 'disc', l.split('  ')[1]!)).length, 0);
    return { short: sha.slice(0, 16).match(/.{4}/g)!.join(' '), sha, files: lines.length, bytes: bytes.toLocaleString('en-US') };
  };

  it('prints one fingerprint line on every volume’s contents page, on the spine, in 说明.txt and in verify', async () => {
    const e = expected();
    const line = `光盘指纹 ${e.short} · ${e.files} 个文件 · ${e.bytes} 字节`;
    for (const v of ['第1份.pdf', '第3份.pdf']) {
      const text = (await pdfPageText(new Uint8Array(readFileSync(path.join(pkg, 'print', v))), 3)).replace(/\s+/g, ' ');
      expect(text, v).toContain(line);
    }
    const spine = (await pdfPageText(new Uint8Array(readFileSync(path.join(pkg, 'print/书脊.pdf'))), 1)).replace(/\s+/g, '');
    expect(spine).toContain(e.short.replace(/ /g, ''));
    expect(readFileSync(path.join(pkg, 'disc/说明.txt'), 'utf8')).toContain(line);
    expect(readFileSync(path.join(pkg, 'disc/bag-info.txt'), 'utf8')).toContain(`Disc-Fingerprint: ${e.sha}`);
    for (const t of [path.join(pkg, 'disc'), path.join(pkg, `${NAME}.iso`)]) {
      const r = await run(['verify', t]);
      expect(r.stdout, t).toContain(line);
      const j = json(await verify(t));
      expect(j.fingerprint).toMatchObject({ sha256: e.sha, short: e.short, files: e.files });
    }
  });

  it('verify names a fingerprint that is not what bag-info.txt declares', async () => {
    const copy = path.join(tempDir('fp-'), 'disc');
    cpSync(path.join(pkg, 'disc'), copy, { recursive: true });
    // A payload file changed and the manifests made to match it: only the fingerprint tells.
    const f = path.join(copy, 'data/表格/02-推荐表.docx');
    writeFileSync(f, Buffer.concat([readFileSync(f), Buffer.from('x')]));
    for (const alg of ['sha256', 'sha512']) {
      const m = path.join(copy, `manifest-${alg}.txt`);
      const sum = createHash(alg).update(readFileSync(f)).digest('hex');
      writeFileSync(m, readFileSync(m, 'utf8').replace(/^[0-9a-f]+(  data\/表格\/02-推荐表\.docx)$/m, `${sum}$1`));
    }
    expect(codesOf(await verify(copy))).toContain('verify.fingerprint');
  });
});
