// Small pieces every view uses: the html tag, problem lists, a progress view for jobs, a drop zone.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);

const SEVERITY_MARK = { error: '✗', warning: '⚠', info: 'ℹ' };

/** Where a diagnostic points, in the page's words. */
export function whereOf(d, w) {
  const parts = [];
  if (d.file) parts.push(d.file);
  if (d.sheet && d.cell) parts.push(`${d.sheet}!${d.cell}`);
  else if (d.row) parts.push(w.where.row(d.row));
  if (d.line) parts.push(`${d.line}:${d.column ?? 1}`);
  return parts.join(' ');
}

/** One problem: its mark, message, hint, and (when the page can show its place) a link there. */
export function Problem({ d, w, onGo }) {
  return html`<li class=${`problem ${d.severity}`}>
    <span class="mark" aria-hidden="true">${SEVERITY_MARK[d.severity] ?? '•'}</span>
    <span class="msg">${d.message}</span>
    ${whereOf(d, w) && html` <span class="where">${whereOf(d, w)}</span>`}
    ${onGo && html` <button type="button" class="link" onClick=${() => onGo(d)}>${w.open}</button>`}
    ${d.hint && html`<div class="hint">→ ${d.hint}</div>`}
  </li>`;
}

export function Problems({ list, w, onGo, empty }) {
  if (!list?.length) return empty ? html`<p class="muted">${empty}</p>` : null;
  return html`<ul class="problems">${list.map((d, i) => html`<${Problem} key=${i} d=${d} w=${w} onGo=${onGo} />`)}</ul>`;
}

/** The failure of a request, shown where it happened. */
export function ErrorBox({ error, w }) {
  if (!error) return null;
  const list = error.diagnostics?.length ? error.diagnostics : [{ severity: 'error', message: error.message }];
  return html`<div class="errorbox" role="alert"><${Problems} list=${list} w=${w} /></div>`;
}

/** A job's stages as they run: which stage, what it is doing, how far. */
export function JobProgress({ events, w }) {
  if (!events.length) return null;
  const stages = [];
  for (const e of events) {
    if (e.type === 'stage') stages.push({ stage: e.stage, done: false });
    const s = stages.findLast?.((x) => x.stage === e.stage) ?? [...stages].reverse().find((x) => x.stage === e.stage);
    if (!s) continue;
    if (e.type === 'step') Object.assign(s, { detail: e.detail, index: e.index, total: e.total });
    if (e.type === 'done') s.done = true;
  }
  return html`<ol class="progress" aria-live="polite">
    ${stages.map((s) => html`<li class=${s.done ? 'done' : 'running'}>
      <span class="mark">${s.done ? '✓' : '…'}</span> ${w.build.stages[s.stage] ?? s.stage}
      ${!s.done && s.detail && html` <span class="muted">${s.detail}${s.total ? ` (${s.index}/${s.total})` : ''}</span>`}
      ${!s.done && s.total ? html` <progress max=${s.total} value=${s.index}></progress>` : null}
    </li>`)}
  </ol>`;
}

/**
 * A place to drop files (or folders), with a button for the keyboard and those who prefer it.
 * `name`, when given, tells a screen reader which slot the button fills (every slot has one).
 */
export function DropZone({ label, button, name, accept, multiple = true, folder, folderButton, onFiles }) {
  const [over, setOver] = useState(false);
  const pick = (dir) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    if (accept) input.accept = accept;
    if (dir) input.webkitdirectory = true;
    input.onchange = () => onFiles([...input.files].map((f) => ({ file: f, path: f.webkitRelativePath || f.name })));
    input.click();
  };
  const drop = async (e) => {
    e.preventDefault();
    setOver(false);
    onFiles(await droppedFiles(e.dataTransfer));
  };
  return html`<div class=${`dropzone${over ? ' over' : ''}`} onDragOver=${(e) => (e.preventDefault(), setOver(true))} onDragLeave=${() => setOver(false)} onDrop=${drop}>
    ${label} <button type="button" aria-label=${name ? `${button} — ${name}` : undefined} onClick=${() => pick(false)}>${button}</button>
    ${folder && html` <button type="button" onClick=${() => pick(true)}>${folderButton}</button>`}
  </div>`;
}

/** Files of a drop, folders walked (their files with paths relative to the dropped folder's parent). */
async function droppedFiles(dt) {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...dt.files].map((f) => ({ file: f, path: f.name }));
  const out = [];
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      const file = await new Promise((res, rej) => entry.file(res, rej));
      out.push({ file, path: `${prefix}${file.name}` });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

export const sizeText = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);
