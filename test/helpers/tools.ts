/**
 * Cross-checks by independent system tools (xorriso reading the ISO, qpdf and pdffonts on
 * the PDFs, Chromium opening index.html, LibreOffice opening the Office files). Where a tool
 * is installed the check runs; where it is not (a bare machine with only Node) it is skipped,
 * and its name says why in one line. `.ci/run` installs them all, so CI runs every check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { it } from 'vitest';

const found = new Map<string, boolean>();

/** Whether a command is on the PATH (or, for an absolute path, exists). */
export function has(tool: string): boolean {
  let v = found.get(tool);
  if (v === undefined) {
    v = tool.startsWith('/') ? existsSync(tool) : spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    found.set(tool, v);
  }
  return v;
}

/** A test that needs system tools: skipped, saying which are missing, where they are not installed. */
export function crossCheck(tools: readonly string[], name: string, fn: () => unknown | Promise<unknown>, timeout?: number): void {
  const missing = tools.filter((t) => !has(t));
  if (missing.length) it.skip(`${name} — skipped: ${missing.join(', ')} not installed`, fn);
  else it(name, fn, timeout);
}

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
