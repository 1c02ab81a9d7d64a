// The submissions of the workspace with their state, and a new submission from the skeleton.
import { useEffect, useState } from 'preact/hooks';
import { api, get } from './api.js';
import { ErrorBox, html } from './ui.js';

export function List({ w, lang, info, open }) {
  const [list, setList] = useState();
  const [error, setError] = useState();
  const [creating, setCreating] = useState(false);
  const load = () => get('/api/submissions').then((r) => (setList(r.submissions), setError(undefined)), setError);
  useEffect(() => void load(), [lang]);
  return html`<main>
    <h1>${w.list.heading}</h1>
    <p class="muted">${w.list.workspace(info.workspace)}</p>
    <${ErrorBox} error=${error} w=${w} />
    <p><button type="button" class="primary" onClick=${() => setCreating(true)}>${w.list.new}</button></p>
    ${creating && html`<${NewSubmission} w=${w} lang=${lang} info=${info} onDone=${(id) => (setCreating(false), id ? open(id) : load())} />`}
    ${list && list.length === 0 && html`<p class="muted">${w.list.none}</p>`}
    ${list && list.length > 0 && html`<table class="list">
      <tbody>${list.map((s) => html`<tr class=${s.errors ? 'bad' : 'good'}>
        <td><a href=${`#/s/${encodeURIComponent(s.id)}`}>${s.institution || w.list.unnamed}</a>${s.trade ? html` <span class="muted">${s.trade}</span>` : ''}<div class="muted small">${s.id === '.' ? info.workspace : s.id}/${s.file}</div></td>
        <td>${kindName(info, s.kind, lang)} ${levelName(info, s.level, lang)}</td>
        <td>${s.unreadable ? html`<span class="err">✗ ${w.list.unreadable}</span>` : s.errors ? html`<span class="err">✗ ${w.list.errors(s.errors)}</span>` : html`<span class="ok">✓ ${w.list.ok}</span>`}${s.warnings ? html` <span class="warn">⚠ ${w.list.warnings(s.warnings)}</span>` : ''}
          ${s.first && html`<div class="muted small">${s.first.message}</div>`}</td>
        <td>${s.built ? w.list.built(new Date(s.built.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')) : html`<span class="muted">${w.list.notBuilt}</span>`}</td>
      </tr>`)}</tbody>
    </table>`}
  </main>`;
}

const kindName = (info, id, lang) => {
  const k = info.scheme.kinds.find((x) => x.id === id);
  return k ? (lang === 'en' ? k.en : k.name) : '';
};
const levelName = (info, id, lang) => {
  const l = info.scheme.levels.find((x) => x.id === id);
  return l ? (lang === 'en' ? l.en : l.name) : '';
};

function NewSubmission({ w, lang, info, onDone }) {
  const [folder, setFolder] = useState('');
  const [kind, setKind] = useState('application');
  const [level, setLevel] = useState('league');
  const [county, setCounty] = useState('');
  const [error, setError] = useState();
  const create = async (e) => {
    e.preventDefault();
    try {
      const r = await api('POST', '/api/submissions', { folder, kind, level, ...(county && { county }) });
      onDone(r.id);
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="new group" onSubmit=${create}>
    <div class="field"><label for="new-folder">${w.list.folder}</label><input id="new-folder" required value=${folder} onInput=${(e) => setFolder(e.currentTarget.value)} /><div class="help">${w.list.folderHelp}</div></div>
    <div class="field"><label for="new-kind">${w.list.kind}</label><select id="new-kind" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>${info.scheme.kinds.map((k) => html`<option value=${k.id}>${lang === 'en' ? k.en : k.name}</option>`)}</select></div>
    <div class="field"><label for="new-level">${w.list.level}</label><select id="new-level" value=${level} onChange=${(e) => setLevel(e.currentTarget.value)}>${info.scheme.levels.map((l) => html`<option value=${l.id}>${lang === 'en' ? l.en : l.name}</option>`)}</select></div>
    <div class="field"><label for="new-county">${w.list.county}</label><select id="new-county" value=${county} onChange=${(e) => setCounty(e.currentTarget.value)}><option value="">—</option>${info.scheme.counties.map((c) => html`<option value=${c}>${c}</option>`)}</select></div>
    <${ErrorBox} error=${error} w=${w} />
    <p><button type="submit" class="primary">${w.list.create}</button> <button type="button" onClick=${() => onDone()}>${w.cancel}</button></p>
  </form>`;
}
