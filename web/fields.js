// A field of a file (submission.yaml, county.yaml) as a labelled input, drawn from the field
// spec the server derives from the zod schema: label and help, the kind of input, options,
// and the problems the check found on it, shown beside it.
import { useEffect, useState } from 'preact/hooks';
import { html, Problems } from './ui.js';
import { term } from './i18n.js';

export function getIn(obj, path) {
  let cur = obj;
  for (const k of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = cur[k];
  }
  return cur;
}

/** The name diagnostics give a path: institution.name, partners[0].phone. */
export function fieldName(path) {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : String(seg);
  return s;
}

/** Problems that concern a field (its own, or of its parts). */
export function problemsOf(diagnostics, field) {
  return (diagnostics ?? []).filter((d) => d.field === field || d.field?.startsWith(`${field}.`) || d.field?.startsWith(`${field}[`));
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** 2025年10月15日, 2025/10/15 … as the date input's 2025-10-15 (empty when it is no date). */
export function isoDate(v) {
  const m = DATE_RE.exec(String(v ?? '').trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
}

const percentValue = (v) => (typeof v === 'number' ? v : v === undefined || v === null || v === '' ? '' : Number(String(v).replace(/[%％\s]/g, '')));

const numberOf = (v) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/**
 * A number input that keeps what is typed as typed: giving it back a number on every key
 * would set its value again, which in Chromium puts the caret first — so 93.25 typed came
 * out as 2593. What it shows follows the value only when the value changes from elsewhere
 * (从花名册填入, a reload).
 */
export function NumberInput({ value, onChange, ...props }) {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => {
    const shown = numberOf(text);
    const given = numberOf(value);
    if (shown !== given && !(Number.isNaN(shown) && Number.isNaN(given))) setText(given === undefined ? '' : String(value));
  }, [value]);
  return html`<input ...${props} type="number" value=${text} onInput=${(e) => {
    const t = e.currentTarget.value;
    setText(t);
    onChange(t === '' ? undefined : Number(t));
  }} />`;
}

/** A stable id for a field's input, so a problem's link can focus it. */
export const inputId = (prefix, field) => `${prefix}-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function Field({ spec, value, onChange, diagnostics, lang, w, prefix = 'f', extra }) {
  const id = inputId(prefix, spec.field);
  const mine = problemsOf(diagnostics, spec.field);
  const bad = mine.some((d) => d.severity === 'error');
  const label = term(spec.label, lang);
  const help = spec.help ? term(spec.help, lang) : '';
  const common = { id, 'aria-invalid': bad ? 'true' : undefined, 'aria-describedby': `${id}-help` };
  let input;
  switch (spec.input) {
    case 'textarea':
      input = html`<textarea ...${common} rows="4" value=${value ?? ''} onInput=${(e) => onChange(e.currentTarget.value)}></textarea>`;
      break;
    case 'integer':
    case 'number':
      input = html`<${NumberInput} ...${common} step=${spec.input === 'integer' ? 1 : 'any'} min="0" value=${value} onChange=${onChange} />`;
      break;
    case 'percent':
      input = html`<span class="suffixed"><${NumberInput} ...${common} step="0.1" min="0" max="100" value=${percentValue(value)} onChange=${onChange} /><span class="suffix">%</span></span>`;
      break;
    case 'date':
      input = html`<input ...${common} type="date" value=${isoDate(value)} onInput=${(e) => onChange(e.currentTarget.value || undefined)} />`;
      break;
    case 'boolean':
      input = html`<select ...${common} value=${value === true ? 'true' : value === false ? 'false' : ''} onChange=${(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'true')}>
        ${spec.required ? null : html`<option value="">${w.undecided}</option>`}
        <option value="true">${w.yes}</option>
        <option value="false">${w.no}</option>
      </select>`;
      break;
    case 'select':
      if (spec.free) {
        input = html`<input ...${common} list=${`${id}-list`} value=${value ?? ''} onInput=${(e) => onChange(e.currentTarget.value)} />
          <datalist id=${`${id}-list`}>${spec.options.map((o) => html`<option value=${o.value}>${term(o.label, lang)}</option>`)}</datalist>`;
      } else {
        // A value written in its Chinese words (populationBand: 20万以上, kind: 复评) is the option it names.
        const chosen = typeof value === 'string' && !spec.options.some((o) => o.value === value) ? (spec.options.find((o) => o.label.zh === value || o.label.en === value)?.value ?? value) : value;
        input = html`<select ...${common} value=${chosen ?? ''} onChange=${(e) => onChange(e.currentTarget.value || undefined)}>
          <option value="">—</option>
          ${spec.options.map((o) => html`<option value=${o.value}>${term(o.label, lang)}</option>`)}
        </select>`;
      }
      break;
    case 'multiselect': {
      const list = Array.isArray(value) ? value : [];
      input = html`<fieldset class="checks" ...${common}>
        <legend class="sr-only">${label}</legend>
        ${spec.options.map((o) => html`<label><input type="checkbox" checked=${list.includes(o.value)} onChange=${(e) => onChange(e.currentTarget.checked ? [...list, o.value] : list.filter((x) => x !== o.value))} /> ${term(o.label, lang)}</label>`)}
      </fieldset>`;
      break;
    }
    default:
      input = html`<input ...${common} type="text" value=${value ?? ''} onInput=${(e) => onChange(e.currentTarget.value)} />`;
  }
  return html`<div class=${`field${bad ? ' bad' : ''}`} data-field=${spec.field}>
    <label for=${id}>${label}${spec.required ? html` <span class="req" title=${w.required}>*</span>` : ''}</label>
    ${input}
    ${extra}
    <div id=${`${id}-help`} class="help">${help}</div>
    <${Problems} list=${mine} w=${w} />
  </div>`;
}
