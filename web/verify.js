// The archivist's side: a disc folder, zip or ISO in the workspace — or one uploaded — and
// verify's result file by file.
import { useState } from 'preact/hooks';
import { ApiError, get, q, upload } from './api.js';
import { DropZone, ErrorBox, html, Problems, sizeText } from './ui.js';

export function Verify({ w }) {
  const [path, setPath] = useState('');
  const [result, setResult] = useState();
  const [error, setError] = useState();
  const [busy, setBusy] = useState(false);
  const v = w.verify;
  const run = async (work) => {
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      setResult(await work());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, []));
    } finally {
      setBusy(false);
    }
  };
  return html`<main class="verify">
    <h1>${v.heading}</h1>
    <p class="help">${v.help}</p>
    <form class="group" onSubmit=${(e) => (e.preventDefault(), run(() => get(`/api/verify?path=${q(path)}`)))}>
      <div class="field"><label for="verify-path">${v.path}</label><input id="verify-path" value=${path} onInput=${(e) => setPath(e.currentTarget.value)} required /><div class="help">${v.pathHelp}</div></div>
      <button type="submit" class="primary" disabled=${busy}>${v.check}</button>
    </form>
    <p>${v.or}</p>
    <${DropZone} label="" button=${w.attachments.choose} accept=".zip,.iso" multiple=${false} onFiles=${(fs) => fs[0] && run(() => upload('/api/verify', fs[0].file))} />
    ${busy && html`<p role="status">${w.loading}</p>`}
    <${ErrorBox} error=${error} w=${w} />
    ${result && html`<section class=${`summary ${result.ok ? 'good' : 'bad'}`} role="status">
      <p class="counts"><strong>${result.ok ? `✓ ${v.ok(result.verified, result.algorithms.join('、'))}` : `✗ ${v.failed(result.diagnostics.filter((d) => d.severity === 'error').length, result.verified, result.payloadFiles)}`}</strong>
        ${result.kind ? html` <span class="muted">${result.target} · ${v.kinds[result.kind]}</span>` : ''}</p>
      ${result.fingerprint && html`<p class="fingerprint">${v.fingerprint(result.fingerprint)}</p>`}
      <${Problems} list=${result.diagnostics} w=${w} />
    </section>
    ${result.files.length > 0 && html`<div class="tablewrap"><table class="verified">
      <thead><tr><th>${v.table.ok}</th><th>${v.table.file}</th><th>${v.table.size}</th><th>${v.table.sha256}</th></tr></thead>
      <tbody>${result.files.map((f) => html`<tr class=${f.ok ? '' : 'bad'}><td>${f.ok ? '✓' : '✗'}</td><td>${f.path}</td><td>${sizeText(f.size)}</td><td class="hash">${f.sha256}</td></tr>`)}</tbody>
    </table></div>`}`}
  </main>`;
}
