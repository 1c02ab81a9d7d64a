/**
 * What goes into a print volume, in order: for each material of the list, its filled form
 * (or the brief) and then its attachments as the institution gave them; the self-score sheet
 * after the list. Pure: which files, in which order, with which caption.
 */
import path from 'node:path';
import type { Scheme } from '../scheme/schema.js';
import { FIXED_FORMS } from '../scheme/schema.js';
import type { FileFact } from '../submission/files.js';
import type { LoadedSubmission } from '../submission/load.js';

export type PartSource =
  /**
   * A form shenbao filled, by form id (its pages come unnumbered from the renderer).
   * `numbered: false` for a cover (申请表): counted in the volume, but no number printed on it.
   */
  | { kind: 'form'; formId: string; numbered?: boolean }
  /** A file of the submission: PDF pages or a scan. */
  | { kind: 'file'; fact: FileFact; caption: string };

export interface VolumeMaterial {
  number: number;
  name: string;
  parts: PartSource[];
}

export function volumeMaterials(loaded: LoadedSubmission, scheme: Scheme): VolumeMaterial[] {
  const s = loaded.submission;
  const list = scheme.materials[s.kind];
  const usable = (f: FileFact) => f.status === 'ok' && !f.problem && ['pdf', 'jpeg', 'png'].includes(f.content);
  const file = (fact: FileFact, what: string): PartSource => ({ kind: 'file', fact, caption: `${what}（${path.posix.basename(fact.path)}）` });

  const out: VolumeMaterial[] = list.map((m, i) => {
    const parts: PartSource[] = [];
    // A form whose template prints no page numbers is a cover, and stays unnumbered in the volume too.
    if (m.form) parts.push({ kind: 'form', formId: m.form, ...(scheme.forms[m.form]?.pageNumbers === false && { numbered: false }) });
    else if (m.brief) parts.push({ kind: 'form', formId: FIXED_FORMS.brief });
    for (const slot of m.slots) {
      for (const f of loaded.attachments[slot] ?? []) if (usable(f)) parts.push(file(f, scheme.slots[slot]!.name));
    }
    for (const kind of m.partnerFiles) {
      s.partners.forEach((p, k) => {
        const f = loaded.partners[k]?.[kind];
        if (f && usable(f)) parts.push(file(f, `${p.name}${scheme.partnerFiles[kind]}`));
      });
    }
    return { number: i + 1, name: m.name, parts };
  });
  out.push({ number: list.length + 1, name: scheme.forms[FIXED_FORMS.scoreSheet]!.name, parts: [{ kind: 'form', formId: FIXED_FORMS.scoreSheet }] });
  return out;
}
