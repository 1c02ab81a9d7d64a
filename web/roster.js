// The roster: the Excel template to download, the upload, the figures against the level's
// thresholds, and the rows as read — every problem on its row and cell. ID numbers and
// phones arrive masked, as in every message.
import { useState } from 'preact/hooks';
import { q, upload } from './api.js';
import { DropZone, ErrorBox, html, Problems } from './ui.js';
import { FiguresTable } from './submission.js';

/** Columns whose cells wrap (the others keep to one line). */
const LONG = new Set(['name', 'employer', 'address', 'keyGroup']);
const SHOWN = ['seq', 'name', 'sex', 'ethnicity', 'idNumber', 'trade', 'teacher', 'employer', 'address', 'phone', 'passed', 'keyGroup', 'order', 'subsidised', 'employed'];

export function RosterTab({ view, id, w, lang, onChanged, dirty }) {
  const [error, setError] = useState();
  const [progress, setProgress] = useState();
  const [onlyBad, setOnlyBad] = useState(false);
  const r = view.roster;
  const send = async (files) => {
    const f = files[0];
    if (!f) return;
    try {
      setProgress(0);
      await upload(`/api/submissions/${q(id)}/roster?version=${q(view.version)}`, f.file, setProgress);
      setError(undefined);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };
  const columns = r ? r.columns.filter((c) => SHOWN.includes(c.id)) : [];
  const rows = r ? (onlyBad ? r.rows.filter((x) => x.problems.length) : r.rows) : [];
  const cell = (v) => (v === true ? w.roster.yes : v === false ? w.roster.no : v ?? '');
  return html`
    <p>
      <a class="button" href=${`/api/submissions/${q(id)}/roster-template`} download>${w.roster.template}</a>
    </p>
    ${!dirty && html`<${DropZone} label=${w.roster.upload} button=${w.attachments.choose} accept=".xlsx,.csv" multiple=${false} onFiles=${send} />`}
    ${progress !== undefined && html`<p role="status">${w.attachments.uploading('', progress)}</p>`}
    <${ErrorBox} error=${error} w=${w} />
    ${!r && html`<p class="muted">${w.roster.noRoster}</p>`}
    ${r && html`
      <p>${w.roster.file(r.file)} · ${w.roster.rows(r.rows.length)}</p>
      <${FiguresTable} view=${view} w=${w} lang=${lang} />
      ${r.other.length > 0 && html`<h3>${w.roster.other}</h3><${Problems} list=${r.other} w=${w} />`}
      <label><input type="checkbox" checked=${onlyBad} onChange=${(e) => setOnlyBad(e.currentTarget.checked)} /> ${w.roster.onlyProblems}</label>
      <div class="tablewrap">
        <table class="roster">
          <thead><tr><th>#</th>${columns.map((c) => html`<th>${c.name}</th>`)}</tr></thead>
          <tbody>${rows.map((row) => html`
            <tr id=${`roster-row-${row.row}`} tabindex="-1" class=${`${row.problems.length ? 'bad' : ''}${row.counted ? '' : ' uncounted'}`} title=${row.counted ? w.roster.counted : w.roster.notCounted}>
              <th scope="row">${row.row}</th>
              ${columns.map((c) => {
                const ref = row.cells[c.id];
                const here = row.problems.filter((d) => ref && d.cell === ref);
                const cls = [here.length ? 'badcell' : '', LONG.has(c.id) ? 'long' : ''].filter(Boolean).join(' ');
                return html`<td class=${cls} title=${here.map((d) => d.message).join('\n')}>${cell(row.values[c.id])}</td>`;
              })}
            </tr>
            ${row.problems.length > 0 && html`<tr class="rowproblems"><td></td><td colspan=${columns.length}><${Problems} list=${row.problems} w=${w} /></td></tr>`}`)}
          </tbody>
        </table>
      </div>`}`;
}
