// One submission: its fields by tab, the check at the top, the roster, the attachments, the
// previews and the build. Edits are kept on the page until Save; the server applies them to
// the file's own text and answers with the new check.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, fileUrl, follow, get, q, upload } from './api.js';
import { Field, fieldName, getIn, inputId, NumberInput, problemsOf } from './fields.js';
import { term } from './i18n.js';
import { Attachments } from './attachments.js';
import { RosterTab } from './roster.js';
import { DropZone, ErrorBox, html, JobProgress, Problems, sizeText } from './ui.js';

const TABS = ['basics', 'figures', 'narrative', 'partners', 'roster', 'attachments', 'score', 'check', 'build', 'text'];

/** Which tab shows the place a problem points to. */
export function tabOf(d) {
  const f = d.field ?? '';
  if (d.row || f.startsWith('roster')) return 'roster';
  if (f.startsWith('claimed')) return 'figures';
  if (f.startsWith('narrative') || f.startsWith('brief')) return 'narrative';
  if (f.startsWith('partners')) return 'partners';
  if (f.startsWith('selfScore')) return 'score';
  if (f.startsWith('attachments')) return 'attachments';
  if (f) return 'basics';
  return 'check';
}

function countChars(text, pattern) {
  if (!pattern || !text) return 0;
  return (String(text).match(new RegExp(pattern, 'gu')) ?? []).length;
}

export function Submission({ id, w, lang, info, onBack }) {
  const [view, setView] = useState();
  const [edits, setEdits] = useState(new Map());
  const [error, setError] = useState();
  const [saving, setSaving] = useState(false);
  // A key of the page's words (not the words), so it follows a switch of language.
  const [notice, setNotice] = useState('');
  const tabOfHash = () => {
    const t = location.hash.split('/')[3];
    return t && TABS.includes(t) ? t : undefined;
  };
  const [tab, setTab] = useState(() => tabOfHash() ?? 'basics');
  // An address with another tab of this submission (a bookmark, a link) opens that tab.
  useEffect(() => {
    const onHash = () => {
      const t = tabOfHash();
      if (t) setTab(t);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const [conflict, setConflict] = useState(false);
  const pendingFocus = useRef();
  const pendingLine = useRef();

  // The version of submission.yaml the next change must name. Changes one after another
  // (two moves of an attachment, uploads) go in a queue, each naming the version the one
  // before it left, so a quick second key press is no conflict with the first.
  const version = useRef();
  const queue = useRef(Promise.resolve());
  const ops = {
    version: () => version.current,
    serial: (work) => (queue.current = queue.current.then(work, work)),
    /** Reads the file's version after a change that does not answer with it. */
    refresh: async () => (version.current = (await get(`/api/submissions/${q(id)}/text`)).version),
  };
  const load = async () => {
    try {
      const next = await get(`/api/submissions/${q(id)}`);
      version.current = next.version;
      setView(next);
      setError(undefined);
      setConflict(false);
      return next;
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  // The file's text saved: once it reads again, back to its fields.
  const textSaved = async () => {
    const before = view;
    const next = await load();
    if (before && !before.syntaxOk && next?.syntaxOk) setTab('basics');
  };
  useEffect(() => void load(), [id, lang]);
  useEffect(() => {
    const warn = (e) => {
      if (edits.size) {
        e.preventDefault();
        e.returnValue = w.leaveUnsaved;
      }
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [edits]);
  useEffect(() => {
    history.replaceState(null, '', `#/s/${encodeURIComponent(id)}/${tab}`);
    if (pendingFocus.current) {
      const el = document.getElementById(pendingFocus.current);
      pendingFocus.current = undefined;
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus();
        // A problem of the file's text: the caret to the start of its line.
        if (el.tagName === 'TEXTAREA' && pendingLine.current) {
          const lines = el.value.split('\n');
          const at = lines.slice(0, pendingLine.current - 1).reduce((n, l) => n + l.length + 1, 0);
          el.setSelectionRange(at, at + (lines[pendingLine.current - 1]?.length ?? 0));
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
          el.scrollTop = Math.max(0, (pendingLine.current - 5) * lineHeight);
        }
      }
      pendingLine.current = undefined;
    }
  }, [tab, view]);

  const valueOf = (path) => {
    const e = edits.get(fieldName(path));
    return e ? e.value : getIn(view?.values, path);
  };
  // The pending edits as of the last keystroke, not of the last render: several edits in one go
  // (从花名册填入 sets six) must all be kept, and Ctrl+S right after typing must save the last letter.
  const latest = useRef(edits);
  const replaceEdits = (next) => {
    latest.current = next;
    setEdits(next);
    setNotice('');
  };
  const set = (path, value) => replaceEdits(new Map(latest.current).set(fieldName(path), { path, value }));
  /** Rewrites the pending edits (each kept, changed or, when `f` gives nothing, dropped). */
  const rewrite = (f) => {
    const next = new Map();
    for (const e of latest.current.values()) {
      const r = f(e);
      if (r) next.set(fieldName(r.path), r);
    }
    replaceEdits(next);
  };

  const save = async () => {
    const sent = latest.current;
    if (!sent.size || saving) return;
    setSaving(true);
    try {
      const next = await api('PUT', `/api/submissions/${q(id)}`, { version: version.current ?? view.version, edits: folded([...sent.values()]) });
      version.current = next.version;
      setView(next);
      // What was typed while the save was on its way stays pending.
      const rest = new Map([...latest.current].filter(([k, e]) => sent.get(k) !== e));
      latest.current = rest;
      setEdits(rest);
      setError(undefined);
      setNotice('saved');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  useEffect(() => {
    const key = (e) => {
      // Ctrl+S (⌘S) saves — with Caps Lock on too, and on a keyboard whose S key sends another letter.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 's' || e.code === 'KeyS')) {
        e.preventDefault();
        void save();
      }
    };
    addEventListener('keydown', key);
    return () => removeEventListener('keydown', key);
  });

  const goTo = (d) => {
    const t = tabOf(d);
    // A partner's own problem (not of one of its fields) goes to its name.
    if (d.field) pendingFocus.current = inputId('f', /^partners\[\d+\]$/.test(d.field) ? `${d.field}.name` : d.field);
    if (t === 'roster' && d.row) pendingFocus.current = `roster-row-${d.row}`;
    if (t === 'attachments' && d.field) pendingFocus.current = `slot-${d.field.split(/[.[]/)[1]}`;
    // A file that cannot be read: its text, at the line.
    if (!view.syntaxOk && d.line && (!d.file || d.file === view.file)) {
      pendingFocus.current = 'file-text';
      pendingLine.current = d.line;
      return setTab('text');
    }
    setTab(t);
  };

  if (!view) return html`<main><${ErrorBox} error=${error} w=${w} />${!error && html`<p class="loading">${w.loading}</p>`}</main>`;

  const diagnostics = view.check.diagnostics;
  const field = (spec, extra) => html`<${Field} key=${spec.field} spec=${spec} value=${valueOf(spec.path)} onChange=${(v) => set(spec.path, v)} diagnostics=${diagnostics} lang=${lang} w=${w} extra=${extra} />`;
  const s = view.values ?? {};
  const title = s.institution?.name || w.list.unnamed;

  return html`<main class="submission">
    <div class="crumbs"><a href="#/" onClick=${(e) => (edits.size && !confirm(w.leaveUnsaved) ? e.preventDefault() : onBack?.())}>${w.nav.submissions}</a> › <span>${view.id === '.' ? info.workspace : view.id}</span></div>
    <h1>${title}${s.brand?.trade ? html` <small>${s.brand.trade}</small>` : ''}</h1>
    <${Summary} view=${view} w=${w} lang=${lang} onGo=${goTo} />
    <div class="savebar" role="status">
      <button type="button" class="primary" disabled=${!edits.size || saving} onClick=${save}>${saving ? w.saving : w.save}</button>
      <span>${edits.size ? w.unsaved(edits.size) : notice ? w[notice] : ''}</span>
      ${conflict && html`<span class="conflict">${w.conflict} <button type="button" onClick=${load}>${w.reload}</button></span>`}
    </div>
    <${ErrorBox} error=${error} w=${w} />
    <nav class="tabs" role="tablist">
      ${TABS.filter((t) => t !== 'text' || !view.syntaxOk || tab === 'text').map((t) => {
        const n = t === 'check' ? 0 : diagnostics.filter((d) => d.severity === 'error' && tabOf(d) === t).length;
        return html`<button type="button" role="tab" aria-selected=${tab === t} class=${tab === t ? 'active' : ''} onClick=${() => setTab(t)}>${w.tabs[t]}${n ? html` <span class="badge">${n}</span>` : ''}</button>`;
      })}
      ${view.syntaxOk && tab !== 'text' && html`<button type="button" role="tab" class="quiet" onClick=${() => setTab('text')}>${w.tabs.text}</button>`}
    </nav>
    <section class="panel" role="tabpanel">
      ${!view.syntaxOk && tab !== 'text' ? html`<${TextTab} view=${view} id=${id} w=${w} onSaved=${textSaved} />` : null}
      ${view.syntaxOk && tab === 'basics' && view.spec.groups.filter((g) => g.id !== 'claimed').map((g) => html`<fieldset class="group"><legend>${term(g.title, lang)}</legend>${g.fields.map((f) => field(f))}</fieldset>`)}
      ${view.syntaxOk && tab === 'figures' && html`<${FiguresTab} view=${view} w=${w} lang=${lang} field=${field} set=${set} />`}
      ${view.syntaxOk && tab === 'narrative' && html`<${NarrativeTab} view=${view} w=${w} lang=${lang} valueOf=${valueOf} set=${set} diagnostics=${diagnostics} info=${info} />`}
      ${view.syntaxOk && tab === 'partners' && html`<${PartnersTab} view=${view} id=${id} w=${w} lang=${lang} valueOf=${valueOf} set=${set} edits=${edits} rewrite=${rewrite} diagnostics=${diagnostics} onChanged=${load} dirty=${edits.size > 0} />`}
      ${view.syntaxOk && tab === 'roster' && html`<${RosterTab} view=${view} id=${id} w=${w} lang=${lang} onChanged=${load} dirty=${edits.size > 0} />`}
      ${view.syntaxOk && tab === 'attachments' && html`<${Attachments} view=${view} id=${id} w=${w} lang=${lang} ops=${ops} onChanged=${load} dirty=${edits.size > 0} />`}
      ${view.syntaxOk && tab === 'score' && html`<${ScoreTab} view=${view} w=${w} lang=${lang} valueOf=${valueOf} set=${set} diagnostics=${diagnostics} />`}
      ${tab === 'check' && html`<${CheckTab} view=${view} w=${w} lang=${lang} onGo=${goTo} />`}
      ${tab === 'build' && html`<${BuildTab} view=${view} id=${id} w=${w} dirty=${edits.size > 0} />`}
      ${tab === 'text' && html`<${TextTab} view=${view} id=${id} w=${w} onSaved=${textSaved} />`}
    </section>
  </main>`;
}

/** The check in one line, then its problems (errors first), each with a link to its place. */
function Summary({ view, w, lang, onGo }) {
  const [open, setOpen] = useState(false);
  const c = view.check;
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  const warnings = c.diagnostics.filter((d) => d.severity === 'warning');
  const e = c.eligibility;
  const shown = open ? [...errors, ...warnings] : errors.slice(0, 5);
  return html`<section class=${`summary ${errors.length ? 'bad' : 'good'}`} aria-label=${w.problems}>
    <p class="counts">
      <strong>${errors.length ? w.summary.errors(errors.length) : w.summary.ok}</strong>
      ${warnings.length ? html` · ${w.summary.warnings(warnings.length)}` : ''}
      ${e ? html` · ${e.eligible ? w.summary.eligible(term(e.levelName, lang)) : w.summary.notEligible(term(e.levelName, lang))}` : ''}
      ${c.score ? html` · ${w.summary.score(c.score.total, term(c.score.grade, lang))}` : ''}
    </p>
    <${Problems} list=${shown} w=${w} onGo=${onGo} />
    ${errors.length + warnings.length > shown.length && html`<button type="button" class="link" onClick=${() => setOpen(true)}>${w.summary.showAll} (${errors.length + warnings.length})</button>`}
  </section>`;
}

function FiguresTab({ view, w, lang, field, set }) {
  const group = view.spec.groups.find((g) => g.id === 'claimed');
  const fromRoster = view.claimsFromRoster;
  return html`
    <fieldset class="group"><legend>${term(group.title, lang)}</legend>
      ${group.fields.map((f) => field(f))}
      ${fromRoster && html`<p><button type="button" onClick=${() => group.fields.forEach((f) => set(f.path, fromRoster[f.path[1]]))}>${w.fromRoster}</button> <span class="help">${w.fromRosterHelp}</span></p>`}
    </fieldset>
    <${FiguresTable} view=${view} w=${w} lang=${lang} />`;
}

export function FiguresTable({ view, w, lang }) {
  const e = view.check.eligibility;
  const f = view.check.figures;
  if (!f) return null;
  const rate = (k) => ['passRate', 'employmentRate', 'orderShare'].includes(k);
  const show = (k, v) => (v === undefined || v === null ? '—' : rate(k) ? `${Math.round(v * 10) / 10}%` : String(v));
  const rows = ['trained', 'passRate', 'employed', 'employmentRate', 'keyGroup', 'orderShare'];
  const claimed = view.values?.claimed ?? {};
  return html`<table class="figures">
    <caption>${e ? `${term(e.levelName, lang)} · ${e.ref}` : ''}</caption>
    <thead><tr><th>${w.figuresTable.figure}</th><th>${w.figuresTable.roster}</th><th>${w.figuresTable.claimed}</th><th>${w.figuresTable.required}</th><th>${w.figuresTable.result}</th></tr></thead>
    <tbody>${rows.map((k) => {
      const r = e?.rows.find((x) => x.figure === k);
      return html`<tr><th scope="row">${w.figureNames[k]}</th><td>${show(k, f[k])}</td><td>${claimed[k] ?? '—'}</td><td>${r ? `≥ ${show(k, r.required)}` : ''}</td><td>${r ? (r.meets ? '✓' : r.relaxed ? '⚠' : '✗') : ''}</td></tr>`;
    })}</tbody>
  </table>`;
}

function NarrativeTab({ view, w, lang, valueOf, set, diagnostics, info }) {
  const pattern = info.countPattern;
  const brief = view.spec.brief;
  const briefValue = brief ? valueOf(brief.path) : undefined;
  const briefChars = typeof briefValue === 'string' ? countChars(briefValue, pattern) : view.check.materials.find((m) => m.chars !== undefined)?.chars;
  return html`
    ${view.spec.narrative.map((s) => html`<fieldset class="group"><legend>${term(s.title, lang)}</legend>
      ${s.prompts.map((p, i) => {
        const v = valueOf(p.path);
        const id = inputId('f', p.field);
        const mine = problemsOf(diagnostics, p.field);
        return html`<div class=${`field${mine.some((d) => d.severity === 'error') ? ' bad' : ''}`}>
          <label for=${id}>${s.prompts.length > 1 ? `${i + 1}. ` : ''}${term(p.text, lang)}</label>
          <textarea id=${id} rows="6" value=${typeof v === 'string' ? v : ''} onInput=${(e) => set(p.path, e.currentTarget.value)}></textarea>
          <div class="help count">${w.chars(countChars(v, pattern))}</div>
          <${Problems} list=${mine} w=${w} />
        </div>`;
      })}
    </fieldset>`)}
    ${brief && html`<fieldset class="group"><legend>${term(brief.label, lang)}</legend>
      ${typeof briefValue === 'object' && briefValue?.file
        ? html`<p>${w.narrative.briefFile(briefValue.file)} · ${w.chars(briefChars ?? 0, brief.maxChars)}</p>`
        : html`<div class=${`field${briefChars > brief.maxChars ? ' bad' : ''}`}>
            <label for=${inputId('f', 'brief')}>${term(brief.label, lang)}</label>
            <textarea id=${inputId('f', 'brief')} rows="14" value=${briefValue ?? ''} onInput=${(e) => set(brief.path, e.currentTarget.value)}></textarea>
            <div class=${`help count${briefChars > brief.maxChars ? ' over' : ''}`} aria-live="polite">${w.chars(briefChars ?? 0, brief.maxChars)}${briefChars > brief.maxChars ? ` · ${w.over(briefChars - brief.maxChars)}` : ''}</div>
            <${Problems} list=${problemsOf(diagnostics, 'brief')} w=${w} />
          </div>`}
    </fieldset>`}`;
}

/** Whether `path` is `prefix` or lies under it. */
const under = (prefix, path) => path.length >= prefix.length && prefix.every((s, i) => path[i] === s);

function setPath(obj, path, value) {
  const out = Array.isArray(obj) ? [...obj] : { ...obj };
  const [k, ...rest] = path;
  if (!rest.length) {
    if (value === undefined) delete out[k];
    else out[k] = value;
  } else out[k] = setPath(out[k] && typeof out[k] === 'object' ? out[k] : typeof rest[0] === 'number' ? [] : {}, rest, value);
  return out;
}

/**
 * The edits as the server applies them: an edit under an item that is removed goes, and one
 * under an item that is added (a new partner) goes into that item's value — so no edit
 * depends on the order the server applies them in.
 */
export function folded(list) {
  // The outermost edit above `e`, if any.
  const parentOf = (e) => list.filter((o) => o !== e && o.path.length < e.path.length && under(o.path, e.path)).sort((a, b) => a.path.length - b.path.length)[0];
  const out = list.filter((e) => !parentOf(e)).map((e) => ({ ...e }));
  for (const e of list) {
    const parent = parentOf(e);
    if (!parent || parent.value === null || typeof parent.value !== 'object') continue;
    const target = out.find((o) => fieldName(o.path) === fieldName(parent.path));
    if (target) target.value = setPath(target.value, e.path.slice(parent.path.length), e.value);
  }
  return out;
}

function PartnersTab({ view, id, w, lang, valueOf, set, edits, rewrite, diagnostics, onChanged, dirty }) {
  const saved = Array.isArray(view.values?.partners) ? view.values.partners : [];
  // The partners as the page shows them: the file's, less those removed, with those added (not saved yet).
  let count = saved.length;
  for (const e of edits.values()) if (e.path.length === 2 && e.path[0] === 'partners' && typeof e.path[1] === 'number' && e.value !== undefined) count = Math.max(count, e.path[1] + 1);
  const removed = (i) => edits.has(fieldName(['partners', i])) && edits.get(fieldName(['partners', i])).value === undefined;
  const shown = Array.from({ length: count }, (_, i) => i).filter((i) => !removed(i));
  const remove = (i) => {
    if (i < saved.length) return set(['partners', i], undefined);
    // A partner added on the page and not saved: its edits go, and those added after it move up one.
    rewrite((e) => {
      if (e.path[0] !== 'partners' || typeof e.path[1] !== 'number' || e.path[1] < i) return e;
      if (e.path[1] === i) return undefined;
      return { ...e, path: ['partners', e.path[1] - 1, ...e.path.slice(2)] };
    });
  };
  const [error, setError] = useState();
  const spec = view.spec.partners;
  const uploadFile = async (i, which, files) => {
    const f = files[0];
    if (!f) return;
    try {
      await upload(`/api/submissions/${q(id)}/partners/${i}/${which}?version=${q(view.version)}`, f.file);
      setError(undefined);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return html`<p class="help">${w.partners.min(spec.min)}</p>
    <${ErrorBox} error=${error} w=${w} />
    ${shown.length === 0 && html`<p class="muted">${w.partners.none}</p>`}
    ${shown.map((i, n) => {
      const p = { ...(saved[i] ?? {}), ...(i >= saved.length ? valueOf(['partners', i]) : {}) };
      const name = valueOf(['partners', i, 'name']) ?? p.name;
      // What the check says of the partner as a whole (a scan it lacks), at the top of its box.
      const own = (diagnostics ?? []).filter((d) => d.field === fieldName(['partners', i]));
      return html`<fieldset class="group partner" key=${i}><legend>${n + 1}. ${name || ''}</legend>
      ${own.length > 0 && html`<div class="wide"><${Problems} list=${own} w=${w} /></div>`}
      ${spec.fields.map((f) => {
        const path = ['partners', i, ...f.path];
        return html`<${Field} key=${fieldName(path)} spec=${{ ...f, path, field: fieldName(path) }} value=${valueOf(path)} onChange=${(v) => set(path, v)} diagnostics=${diagnostics} lang=${lang} w=${w} />`;
      })}
      ${['agreement', 'particulars'].map((which) => html`<div class="field">
        <span class="label">${w.partners[which]}</span>
        ${p?.[which] ? html`<a href=${fileUrl(joinPath(view, p[which]))} target="_blank" rel="noopener">${p[which]}</a>` : html`<span class="muted">—</span>`}
        ${!dirty && html`<${DropZone} label="" button=${w.partners.upload} name=${`${n + 1}. ${w.partners[which]}`} accept=".pdf,.jpg,.jpeg,.png" multiple=${false} onFiles=${(fs) => uploadFile(i, which, fs)} />`}
        <${Problems} list=${problemsOf(diagnostics, fieldName(['partners', i, which]))} w=${w} />
      </div>`)}
      <button type="button" class="danger" onClick=${() => remove(i)}>${w.partners.remove}</button>
    </fieldset>`;
    })}
    <button type="button" onClick=${() => set(['partners', count], { name: '' })}>${w.partners.add}</button>
    <${Problems} list=${problemsOf(diagnostics, 'partners').filter((d) => d.field === 'partners')} w=${w} />`;
}

/** A path of the submission folder as a path of the workspace. */
export const joinPath = (view, rel) => (view.id === '.' ? rel : `${view.id}/${rel}`);

function ScoreTab({ view, w, lang, valueOf, set, diagnostics }) {
  const score = view.check.score;
  return html`<table class="score">
    <thead><tr><th>${w.score.item}</th><th>${w.score.points}</th><th>${w.score.self}</th></tr></thead>
    <tbody>${view.spec.selfScore.map((i) => {
      const id = inputId('f', i.field);
      const mine = problemsOf(diagnostics, i.field);
      return html`<tr class=${mine.length ? 'bad' : ''}><td><label for=${id}>${i.id} ${term(i.name, lang)}</label><${Problems} list=${mine} w=${w} /></td><td>${i.points}</td>
        <td><${NumberInput} id=${id} min="0" max=${i.points} step="0.5" value=${valueOf(i.path)} onChange=${(v) => set(i.path, v)} /></td></tr>`;
    })}</tbody>
    <tfoot><tr><th>${w.score.total}</th><td>100</td><td>${score ? `${score.total} · ${term(score.grade, lang)}` : ''}</td></tr></tfoot>
  </table><p class="help">${w.score.derived}</p>`;
}

function CheckTab({ view, w, lang, onGo }) {
  const c = view.check;
  const mark = { ok: '✓', warning: '⚠', error: '✗' };
  return html`<table class="materials">
      <tbody>${c.materials.map((m) => html`<tr class=${m.status}><td class="mark">${mark[m.status]}</td><td>${m.number}. ${m.name}</td><td class="muted">${m.ref}</td><td>${m.chars !== undefined ? w.chars(m.chars) : m.files ? `${m.files}` : ''}</td></tr>`)}</tbody>
    </table>
    <${FiguresTable} view=${view} w=${w} lang=${lang} />
    <h2>${w.problems}</h2>
    <${Problems} list=${c.diagnostics.filter((d) => d.severity !== 'info')} w=${w} onGo=${onGo} empty=${w.noProblems} />`;
}

function BuildTab({ view, id, w, dirty }) {
  const [forms, setForms] = useState();
  const [events, setEvents] = useState([]);
  const [result, setResult] = useState();
  const [error, setError] = useState();
  const [running, setRunning] = useState(false);
  const [force, setForce] = useState(false);
  useEffect(() => {
    get(`/api/submissions/${q(id)}/forms`).then((r) => setForms(r.forms), setError);
  }, [id, view.version]);
  const errors = view.check.diagnostics.filter((d) => d.severity === 'error').length;
  const run = async () => {
    setRunning(true);
    setEvents([]);
    setResult(undefined);
    setError(undefined);
    const seen = [];
    try {
      const { job } = await api('POST', `/api/submissions/${q(id)}/build`, { force });
      setResult(await follow(job, (e) => setEvents((seen.push(e), [...seen]))));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  const groups = result ? { documents: result.files.filter((f) => f.name.startsWith('documents/')), volumes: result.files.filter((f) => f.name.startsWith('print/')) } : undefined;
  const zip = result?.files.find((f) => f.name.endsWith('.zip'));
  const iso = result?.files.find((f) => f.name.endsWith('.iso'));
  return html`<h2>${w.build.preview}</h2>
    <p class="help">${w.build.previewHelp}</p>
    <ul class="forms">${(forms ?? []).map((f) => html`<li><a href=${`/api/submissions/${q(id)}/preview/${q(f.formId)}`} target="_blank" rel="noopener">${f.base}.pdf</a></li>`)}</ul>
    <h2>${w.build.button}</h2>
    <p>
      <button type="button" class="primary" disabled=${running || dirty || (errors > 0 && !force)} onClick=${run}>${running ? w.build.running : w.build.button}</button>
      ${errors > 0 && html` <label><input type="checkbox" checked=${force} onChange=${(e) => setForce(e.currentTarget.checked)} /> ${w.build.force}</label>`}
    </p>
    <${JobProgress} events=${events} w=${w} />
    ${error && html`<p>${w.build.failed}</p>`}<${ErrorBox} error=${error} w=${w} />
    ${result && html`<div class="result">
      <p><strong>${w.build.done}</strong> · ${w.build.output(result.output)}</p>
      <h3>${w.build.documents}</h3>
      <ul>${groups.documents.map((f) => html`<li><a href=${fileUrl(f.path)} target="_blank" rel="noopener">${f.name.slice('documents/'.length)}</a> <span class="muted">${f.sizeText}</span></li>`)}</ul>
      <h3>${w.build.volumes}</h3>
      <ul>${groups.volumes.map((f) => html`<li><a href=${fileUrl(f.path)} target="_blank" rel="noopener">${f.name.slice('print/'.length)}</a> <span class="muted">${f.sizeText}</span></li>`)}</ul>
      <h3>${w.build.archive}</h3>
      <p>${zip && html`<a class="button" href=${fileUrl(zip.path, true)} download>${w.build.zip}</a>`} ${iso && html`<a class="button" href=${fileUrl(iso.path, true)} download>${w.build.iso}</a>`} <span class="muted">${sizeText(result.disc.isoBytes)} · ${result.disc.fits.message}</span></p>
    </div>`}`;
}

function TextTab({ view, id, w, onSaved }) {
  const [text, setText] = useState(view.text);
  const [error, setError] = useState();
  useEffect(() => setText(view.text), [view.version]);
  const syntax = view.check.diagnostics.filter((d) => d.code.startsWith('syntax') || d.code.startsWith('schema'));
  const save = async () => {
    try {
      await api('PUT', `/api/submissions/${q(id)}`, { version: view.version, text });
      setError(undefined);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return html`<p class="help">${w.text.help}</p>
    <${Problems} list=${syntax} w=${w} />
    <${ErrorBox} error=${error} w=${w} />
    <textarea id="file-text" class="code" rows="30" spellcheck="false" aria-label=${view.file} value=${text} onInput=${(e) => setText(e.currentTarget.value)}></textarea>
    <p><button type="button" class="primary" disabled=${text === view.text} onClick=${save}>${w.text.save}</button></p>`;
}

export { useMemo };
