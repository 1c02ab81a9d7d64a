/**
 * An independent reading of RFC 8493 for the tests — written apart from src/package, so
 * the bag is checked by rules, not by the code that made it. (bagit-python, the Library of
 * Congress tool, is not installable here: not in Debian bookworm, and PyPI is unreachable.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function validateBag(root: string): string[] {
  const problems: string[] = [];
  const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
  // §2.1.1 bagit.txt: exactly these two lines, in this order.
  if (!existsSync(path.join(root, 'bagit.txt'))) return ['no bagit.txt'];
  const decl = read('bagit.txt').split('\n');
  if (decl[0] !== 'BagIt-Version: 1.0' || decl[1] !== 'Tag-File-Character-Encoding: UTF-8') problems.push(`bagit.txt: ${JSON.stringify(decl)}`);
  // §2.1.2 payload directory.
  if (!statSync(path.join(root, 'data')).isDirectory()) problems.push('no data/ directory');
  const walk = (rel: string): string[] =>
    readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(`${rel}/${d.name}`) : [`${rel}/${d.name}`]));
  const payload = walk('data').sort();
  // §2.1.3 payload manifests: every payload file in every manifest, every line checks.
  const manifests = readdirSync(root).filter((f) => /^manifest-(sha256|sha512)\.txt$/.test(f));
  if (!manifests.length) problems.push('no payload manifest');
  for (const m of manifests) {
    const alg = /manifest-(\w+)\.txt/.exec(m)![1]!;
    const lines = read(m).split('\n').filter(Boolean);
    const seen = new Set<string>();
    for (const line of lines) {
      const mm = /^([0-9a-f]+) {1,2}(.+)$/.exec(line);
      if (!mm) {
        problems.push(`${m}: bad line ${line}`);
        continue;
      }
      const file = mm[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      seen.add(file);
      if (!existsSync(path.join(root, file))) problems.push(`${m}: ${file} missing`);
      else if (createHash(alg).update(readFileSync(path.join(root, file))).digest('hex') !== mm[1]) problems.push(`${m}: ${file} checksum`);
    }
    for (const f of payload) if (!seen.has(f)) problems.push(`${m}: ${f} not listed`);
  }
  // §2.2.2 bag-info.txt: label: value lines; Payload-Oxum octets.streams.
  const info = Object.fromEntries(read('bag-info.txt').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  const octets = payload.reduce((a, f) => a + statSync(path.join(root, f)).size, 0);
  if (info['Payload-Oxum'] !== `${octets}.${payload.length}`) problems.push(`Payload-Oxum ${info['Payload-Oxum']} ≠ ${octets}.${payload.length}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info['Bagging-Date'] ?? '')) problems.push('Bagging-Date is not YYYY-MM-DD');
  // §2.2.1 tag manifests: every listed tag file exists and checks; they do not list themselves.
  for (const t of readdirSync(root).filter((f) => /^tagmanifest-\w+\.txt$/.test(f))) {
    const alg = /tagmanifest-(\w+)\.txt/.exec(t)![1]!;
    for (const line of read(t).split('\n').filter(Boolean)) {
      const [sum, file] = line.split(/ {1,2}/);
      if (!file || file.startsWith('tagmanifest-')) problems.push(`${t}: lists ${file}`);
      else if (createHash(alg).update(readFileSync(path.join(root, file))).digest('hex') !== sum) problems.push(`${t}: ${file} checksum`);
    }
  }
  return problems;
}
