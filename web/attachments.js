// The attachments: every slot the scheme's materials ask for, with its files (thumbnail,
// pages, dpi, problems), drag-and-drop upload of several files, and the order they are bound
// in — by dragging, or with the Move up / Move down buttons from the keyboard.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, fileUrl, q, upload } from './api.js';
import { ErrorBox, DropZone, html, Problems, sizeText } from './ui.js';
import { joinPath } from './submission.js';

const ACCEPT = { pdf: '.pdf', jpeg: '.jpg,.jpeg', png: '.png' };

/** The first page of a PDF, drawn by pdf.js (served from the package), or the picture itself. */
function Thumb({ path, content }) {
  const canvas = useRef();
  useEffect(() => {
    if (content !== 'pdf') return;
    let cancelled = false;
    (async () => {
      const pdfjs = await import('/vendor/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdf.worker.mjs';
      const doc = await pdfjs.getDocument({ url: fileUrl(path), isEvalSupported: false }).promise;
      const page = await doc.getPage(1);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: 96 / Math.max(base.width, base.height) });
      const c = canvas.current;
      if (cancelled || !c) return;
      c.width = Math.ceil(viewport.width);
      c.height = Math.ceil(viewport.height);
      await page.render({ canvas: c, canvasContext: c.getContext('2d'), viewport }).promise;
      c.dataset.rendered = 'true';
      await doc.destroy();
    })().catch(() => {});
    return () => (cancelled = true);
  }, [path]);
  if (content === 'pdf') return html`<canvas class="thumb" ref=${canvas} aria-hidden="true"></canvas>`;
  if (content === 'jpeg' || content === 'png') return html`<img class="thumb" src=${fileUrl(path)} alt="" loading="lazy" />`;
  return html`<span class="thumb none" aria-hidden="true">?</span>`;
}

function Slot({ slot, view, id, w, ops, onChanged, dirty }) {
  const [uploading, setUploading] = useState();
  const [refused, setRefused] = useState([]);
  const [error, setError] = useState();
  const [dragging, setDragging] = useState();
  // The order shown: the server's (the files as it lists them now), or, while a new order is
  // being saved, that one — so a reload between two quick moves does not undo the second.
  const [moving, setMoving] = useState();
  const saving = useRef(0);
  const order = moving ?? slot.files.map((f) => f.path);
  const byPath = new Map(slot.files.map((f) => [f.path, f]));

  const add = (files) =>
    ops.serial(async () => {
      const refusals = [];
      for (const { file } of files) {
        try {
          setUploading({ name: file.name, p: 0 });
          await upload(`/api/submissions/${q(id)}/attachments/${q(slot.id)}?version=${q(ops.version())}`, file, (p) => setUploading({ name: file.name, p }));
          // Each upload may change submission.yaml: take the version the next one must name.
          await ops.refresh();
        } catch (e) {
          refusals.push({ name: file.name, diagnostics: e.diagnostics ?? [] });
        }
      }
      setUploading(undefined);
      setRefused(refusals);
      await onChanged();
    });
  const saveOrder = (next) => {
    setMoving(next);
    saving.current++;
    return ops.serial(async () => {
      try {
        await api('PUT', `/api/submissions/${q(id)}/attachments/${q(slot.id)}`, { version: ops.version(), files: next });
        await ops.refresh();
        setError(undefined);
      } catch (e) {
        setError(e);
      }
      await onChanged();
      if (--saving.current === 0) setMoving(undefined);
    });
  };
  // After a move from the keyboard, the focus stays with the file that moved (on the same
  // button, or on the other one when the file reached the end of the list).
  const list = useRef();
  const refocus = useRef();
  const move = (i, by) => {
    const next = [...order];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x);
    refocus.current = { path: x, dir: by < 0 ? 'up' : 'down' };
    void saveOrder(next);
  };
  useEffect(() => {
    const want = refocus.current;
    if (!want || !list.current) return;
    refocus.current = undefined;
    const item = [...list.current.children].find((li) => li.dataset.path === want.path);
    const same = item?.querySelector(`button[data-move="${want.dir}"]`);
    const other = item?.querySelector(`button[data-move="${want.dir === 'up' ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }, [order.join('\n')]);
  const remove = (p) =>
    ops.serial(async () => {
      try {
        await api('DELETE', `/api/submissions/${q(id)}/files?version=${q(ops.version())}&path=${q(p)}`);
        await ops.refresh();
        setError(undefined);
      } catch (e) {
        setError(e);
      }
      await onChanged();
    });
  const accept = slot.types.map((t) => ACCEPT[t]).join(',');
  return html`<section class="slot" id=${`slot-${slot.id}`} tabindex="-1">
    <h3>${slot.name} <small class="muted">${w.attachments.material(slot.material.number, slot.material.name)}</small></h3>
    <p class="help">${w.attachments.types(slot.types.map((t) => t.toUpperCase()).join(' / '))} · ${slot.folder}/</p>
    ${order.length === 0 && html`<p class="muted">${w.attachments.none}</p>`}
    <ol class="files" ref=${list}>
      ${order.map((p, i) => {
        const f = byPath.get(p);
        if (!f) return null;
        return html`<li key=${p} data-path=${p} draggable=${!dirty} class=${`file${dragging === i ? ' dragging' : ''}${f.problems.some((d) => d.severity === 'error') ? ' bad' : ''}`}
          onDragStart=${(e) => (setDragging(i), e.dataTransfer.setData('text/plain', String(i)))}
          onDragOver=${(e) => e.preventDefault()}
          onDrop=${(e) => {
            e.preventDefault();
            const from = Number(e.dataTransfer.getData('text/plain'));
            setDragging(undefined);
            if (Number.isInteger(from) && from !== i) move(from, i - from);
          }}
          onDragEnd=${() => setDragging(undefined)}>
          <a href=${fileUrl(joinPath(view, f.path))} target="_blank" rel="noopener"><${Thumb} path=${joinPath(view, f.path)} content=${f.content} /></a>
          <div class="meta">
            <div class="name">${f.name}</div>
            <div class="muted">${f.content.toUpperCase()} · ${sizeText(f.size)}${f.pages ? ` · ${w.attachments.pages(f.pages)}` : ''}${f.dpi ? ` · ${w.attachments.dpi(f.dpi)}` : ''}</div>
            <${Problems} list=${f.problems} w=${w} />
          </div>
          <div class="actions">
            <button type="button" data-move="up" disabled=${dirty || i === 0} onClick=${() => move(i, -1)} aria-label=${`${w.up}: ${f.name}`} title=${w.up}>↑</button>
            <button type="button" data-move="down" disabled=${dirty || i === order.length - 1} onClick=${() => move(i, 1)} aria-label=${`${w.down}: ${f.name}`} title=${w.down}>↓</button>
            <button type="button" class="danger" disabled=${dirty} onClick=${() => remove(f.path)} aria-label=${`${w.remove}: ${f.name}`}>${w.remove}</button>
          </div>
        </li>`;
      })}
    </ol>
    ${order.length > 1 && html`<p class="help">${w.attachments.order}</p>`}
    ${!dirty && html`<${DropZone} label=${w.attachments.drop} button=${w.attachments.choose} name=${slot.name} accept=${accept} onFiles=${add} />`}
    ${uploading && html`<p role="status">${w.attachments.uploading(uploading.name, uploading.p)}</p>`}
    ${refused.map((r) => html`<div class="errorbox" role="alert"><strong>${w.attachments.refused(r.name)}</strong><${Problems} list=${r.diagnostics} w=${w} /></div>`)}
    <${ErrorBox} error=${error} w=${w} />
  </section>`;
}

export function Attachments({ view, id, w, lang, ops, onChanged, dirty }) {
  void lang;
  return html`${view.slots.map((slot) => html`<${Slot} key=${slot.id} slot=${slot} view=${view} id=${id} w=${w} ops=${ops} onChanged=${onChanged} dirty=${dirty} />`)}`;
}
