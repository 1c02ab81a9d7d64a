// The county's side: the inbox of packages, the intake table (every item accounted for),
// county.yaml as fields — the county's own, then per applicant its decision, score and the
// report's texts — a preview of each report, and the county package with its progress.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, fileUrl, follow, get, q, upload } from './api.js';
import { Field, fieldName, getIn } from './fields.js';
import { term } from './i18n.js';
import { DropZone, ErrorBox, html, JobProgress, Problems, sizeText } from './ui.js';

export function County({ w, lang }) {
  const [view, setView] = useState();
  const [error, setError] = useState();
  const [edits, setEdits] = useState(new Map());
  const [events, setEvents] = useState([]);
  const [running, setRunning] = useState('');
  const [result, setResult] = useState();
  const [uploading, setUploading] = useState();
  const load = () => get('/api/county').then((v) => (setView(v), setError(undefined)), setError);
  useEffect(() => void load(), [lang]);

  const job = async (kind, url) => {
    setRunning(kind);
    setEvents([]);
    setError(undefined);
    const seen = [];
    try {
      const { job: id } = await api('POST', url);
      const r = await follow(id, (e) => setEvents((seen.push(e), [...seen])));
      if (kind === 'run') setResult(r);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setRunning('');
    }
  };
  const add = async (files) => {
    setResult(undefined);
    const failed = [];
    for (const f of files) {
      try {
        setUploading({ name: f.path, p: 0 });
        await upload(`/api/county/inbox?path=${q(f.path)}`, f.file, (p) => setUploading({ name: f.path, p }));
      } catch (e) {
        failed.push(...(e.diagnostics ?? []));
      }
    }
    setUploading(undefined);
    if (failed.length) setError(new ApiError(422, failed));
    await load();
  };
  const removeItem = async (name) => {
    await api('DELETE', `/api/county/inbox?name=${q(name)}`).catch(setError);
    await load();
  };
  const valueOf = (path) => {
    const e = edits.get(fieldName(path));
    return e ? e.value : getIn(view?.file.values, path);
  };
  const set = (path, value) => setEdits((before) => new Map(before).set(fieldName(path), { path, value }));
  const save = async () => {
    try {
      await api('PUT', '/api/county/file', { version: view.file.version, edits: [...edits.values()] });
      setEdits(new Map());
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const makeFile = async () => {
    try {
      await api('POST', '/api/county/file');
      await load();
    } catch (e) {
      setError(e);
    }
  };

  if (!view) return html`<main><${ErrorBox} error=${error} w=${w} />${!error && html`<p class="loading">${w.loading}</p>`}</main>`;
  const c = w.county;
  // A row's duplicateOf is the other package's place in the inbox, counted from 0: its number is one more.
  const rows = view.intake ?? [];
  const applicants = view.file.values?.applicants ?? [];
  const planProblems = view.planProblems ?? [];
  return html`<main class="county">
    <h1>${c.heading}</h1>
    <section class="group">
      <h2>${c.inbox(view.inbox.folder)}</h2>
      <${DropZone} label=${c.drop} button=${c.chooseFiles} accept=".zip,.iso" folder=${true} folderButton=${c.chooseFolder} onFiles=${add} />
      ${uploading && html`<p role="status">${w.attachments.uploading(uploading.name, uploading.p)}</p>`}
      ${view.inbox.items.length === 0 ? html`<p class="muted">${c.empty}</p>` : html`<ul class="inbox">${view.inbox.items.map((i) => html`<li>${i.kind === 'dir' ? '📁 ' : ''}${i.name} <span class="muted">${i.kind === 'file' ? sizeText(i.size) : ''}</span> <button type="button" class="link" onClick=${() => removeItem(i.name)} aria-label=${`${w.remove}: ${i.name}`}>${w.remove}</button></li>`)}</ul>`}
      <p><button type="button" class="primary" disabled=${!!running || view.inbox.items.length === 0} onClick=${() => job('intake', '/api/county/intake')}>${view.intake ? c.intakeAgain : c.intake}</button></p>
      ${running === 'intake' && html`<${JobProgress} events=${events} w=${w} />`}
    </section>
    <${ErrorBox} error=${error} w=${w} />
    ${view.intake && html`<section>
      <table class="intake">
        <thead><tr>${['n', 'package', 'applicant', 'fixity', 'check', 'figures', 'score', 'decision'].map((k) => html`<th>${c.table[k]}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr class=${r.fixity === 'damaged' || r.fixity === 'unreadable' || r.counts.error ? 'bad' : ''}>
          <td>${r.number}</td>
          <td>${r.input}</td>
          <td>${r.applicant ? html`${r.applicant.institution}<div class="muted">${r.applicant.trade}</div>` : '—'}${r.duplicateOf != null ? html`<div class="err">${c.duplicate(r.duplicateOf + 1)}</div>` : ''}</td>
          <td>${c.fixity[r.fixity]}${r.payloadFiles ? html`<div class="muted">${r.verified}/${r.payloadFiles}</div>` : ''}</td>
          <td>${r.counts.error ? html`<span class="err">✗ ${w.summary.errors(r.counts.error)}</span>` : html`<span class="ok">✓</span>`}${r.counts.warning ? html` <span class="warn">⚠ ${r.counts.warning}</span>` : ''}</td>
          <td>${r.applicant?.eligible === true ? '✓' : r.applicant?.eligible === false ? '✗' : '—'}</td>
          <td>${r.applicant ? `${r.applicant.score} · ${term(r.applicant.grade, lang)}` : '—'}</td>
          <td>${r.decision ? c.decisions[r.decision] : '—'}</td>
        </tr>
        ${r.problems.length + r.planProblems.length > 0 && html`<tr class="rowproblems"><td></td><td colspan="7"><details><summary>${w.problems} (${r.problems.length + r.planProblems.length})</summary><${Problems} list=${[...r.planProblems, ...r.problems]} w=${w} /></details></td></tr>`}`)}</tbody>
      </table>
      <${Problems} list=${planProblems} w=${w} />
    </section>`}
    <section class="group">
      <h2>${c.file}</h2>
      ${!view.file.exists && html`<p class="muted">${c.noFile}</p><p><button type="button" disabled=${!view.intake} onClick=${makeFile}>${c.makeFile}</button></p>`}
      ${view.file.exists && !view.file.syntaxOk && html`<${Problems} list=${planProblems} w=${w} />`}
      ${view.file.exists && view.file.syntaxOk && html`
        <fieldset class="group"><legend>${c.countyFields}</legend>
          ${view.spec.county.map((f) => html`<${Field} key=${f.field} spec=${f} prefix="c" value=${valueOf(f.path)} onChange=${(v) => set(f.path, v)} diagnostics=${planProblems} lang=${lang} w=${w} />`)}
        </fieldset>
        ${applicants.map((a, i) => {
          // The package this entry is for: of two with the same institution and trade (a copy
          // handed in twice, one of them broken), the one that is no duplicate.
          const mine = rows.filter((r) => r.entryIndex === i);
          const row = mine.find((r) => r.duplicateOf == null) ?? mine[0];
          return html`<fieldset class="group applicant"><legend>${c.applicant(i + 1, `${a?.institution ?? ''} · ${a?.trade ?? ''}`)}</legend>
            ${row && html`<p class="muted">${c.table.decision}: ${row.decision ? c.decisions[row.decision] : '—'} · ${c.fixity[row.fixity]}</p>`}
            ${view.spec.applicant
              // Each kind of filing its own fields (an entry whose package is not read yet shows them all).
              .filter((f) => !f.only || !row?.applicant || f.only === row.applicant.kind)
              .flatMap((f) => (f.field === 'score' && row?.applicant?.kind === 'review' ? [f, ...(view.spec.review ?? [])] : [f])).map((f) => {
              const path = ['applicants', i, ...f.path];
              return html`<${Field} key=${fieldName(path)} spec=${{ ...f, path, field: fieldName(path) }} prefix="c" value=${valueOf(path)} onChange=${(v) => set(path, v)} diagnostics=${planProblems} lang=${lang} w=${w} />`;
            })}
            ${row && (row.decision === 'recommend' || row.decision === 'review') && !edits.size && html`<p><a class="button" href=${`/api/county/preview/${row.number}`} target="_blank" rel="noopener">${c.preview}</a></p>`}
          </fieldset>`;
        })}
        <div class="savebar"><button type="button" class="primary" disabled=${!edits.size} onClick=${save}>${w.save}</button> <span>${edits.size ? w.unsaved(edits.size) : ''}</span></div>`}
    </section>
    <section class="group">
      <p><button type="button" class="primary" disabled=${!!running || edits.size > 0 || view.inbox.items.length === 0} onClick=${() => job('run', '/api/county/run')}>${running === 'run' ? c.running : c.run}</button></p>
      ${running === 'run' && html`<${JobProgress} events=${events} w=${w} />`}
      ${result && html`<div class="result">
        <p><strong>${w.build.done}</strong> · ${w.build.output(result.output)}</p>
        <ul>${result.files.map((f) => html`<li><a href=${fileUrl(f.path, /\.(zip|iso|xlsx|docx|txt)$/i.test(f.name))} target="_blank" rel="noopener">${f.name}</a></li>`)}</ul>
        <p class="muted">${sizeText(result.disc.isoBytes)} · ${result.disc.fits.message}</p>
        <${Problems} list=${result.diagnostics} w=${w} />
      </div>`}
    </section>
  </main>`;
}
