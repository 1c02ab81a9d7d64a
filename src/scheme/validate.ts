/**
 * Rules a scheme must satisfy beyond its shape: rubrics that total 100, thresholds for
 * every level, grade bands that cover 0–100, references that resolve. Pure.
 */
import path from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { locate, type Source } from '../core/source.js';
import type { FormTemplate } from './form-template.js';
import { COUNTY_FORMS, LEVELS, POPULATION_BANDS, ROSTER_COLUMN_IDS, type SchemeData } from './schema.js';

export function validateSchemeRules(s: SchemeData, source: Source | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (...path: PropertyKey[]) => locate(source, path);

  // Rubrics: every group adds up, every rubric totals exactly 100.
  for (const [rid, rubric] of Object.entries(s.rubrics)) {
    let total = 0;
    const ids = new Set<string>();
    rubric.groups.forEach((g, gi) => {
      const sum = g.items.reduce((acc, it) => acc + it.points, 0);
      total += sum;
      if (Math.abs(sum - g.points) > 1e-9) {
        out.push(error('scheme.groupTotal', { rubric: rid, group: g.name, declared: g.points, sum }, at('rubrics', rid, 'groups', gi, 'points')));
      }
      g.items.forEach((it, ii) => {
        if (ids.has(it.id)) out.push(error('scheme.duplicateId', { what: 'rubricItem', id: it.id, within: rid }, at('rubrics', rid, 'groups', gi, 'items', ii, 'id')));
        ids.add(it.id);
        if (it.category && !(it.category in s.categories)) {
          out.push(error('scheme.unknownRef', { what: 'category', id: it.category }, at('rubrics', rid, 'groups', gi, 'items', ii, 'category')));
        }
      });
    });
    if (Math.abs(total - 100) > 1e-9) {
      out.push(error('scheme.rubricTotal', { rubric: rid, total }, at('rubrics', rid)));
    }
    rubric.gates.forEach((gate, i) => {
      if (!rubric.groups.some((g) => g.id === gate)) out.push(error('scheme.unknownRef', { what: 'rubricGroup', id: gate }, at('rubrics', rid, 'gates', i)));
    });
  }
  for (const kind of ['application', 'review'] as const) {
    const rid = s.rubricFor[kind];
    if (!(rid in s.rubrics)) out.push(error('scheme.unknownRef', { what: 'rubric', id: rid }, at('rubricFor', kind)));
  }

  // Thresholds: county once per population band, League and Region once each.
  for (const level of LEVELS) {
    const bands = level === 'county' ? POPULATION_BANDS : [undefined];
    for (const band of bands) {
      const rows = s.thresholds.filter((t) => t.level === level && t.population === band);
      const term = { level: { zh: s.levels[level].name, en: s.levels[level].en }, ...(band && { band: { zh: s.populationBands[band].name, en: s.populationBands[band].en } }) };
      if (rows.length === 0) out.push(error('scheme.thresholdMissing', term, at('thresholds')));
      if (rows.length > 1) out.push(error('scheme.thresholdDuplicate', term, at('thresholds')));
    }
  }
  s.thresholds.forEach((t, i) => {
    if (t.level === 'county' && !t.population) {
      out.push(error('scheme.thresholdMissing', { level: { zh: s.levels.county.name, en: s.levels.county.en }, band: { zh: 'population', en: 'population' } }, at('thresholds', i)));
    }
  });

  // Grade bands: strictly descending lower bounds ending at 0, so [0,100] is covered once.
  s.grades.forEach((g, i) => {
    const prev = s.grades[i - 1];
    if (prev && g.min >= prev.min) out.push(error('scheme.gradeOrder', { grade: g.name, min: g.min, previous: prev.min }, at('grades', i, 'min')));
  });
  if (s.grades.at(-1)?.min !== 0) out.push(error('scheme.gradeFloor', {}, at('grades')));

  // Materials refer to known slots; ids unique per kind.
  for (const kind of ['application', 'review'] as const) {
    const seen = new Set<string>();
    s.materials[kind].forEach((m, mi) => {
      if (seen.has(m.id)) out.push(error('scheme.duplicateId', { what: 'material', id: m.id, within: kind }, at('materials', kind, mi, 'id')));
      seen.add(m.id);
      m.slots.forEach((slot, si) => {
        if (!(slot in s.slots)) out.push(error('scheme.unknownRef', { what: 'slot', id: slot }, at('materials', kind, mi, 'slots', si)));
      });
    });
    s.sectionsFor[kind].forEach((sec, i) => {
      if (!(sec in s.sections)) out.push(error('scheme.unknownRef', { what: 'section', id: sec }, at('sectionsFor', kind, i)));
    });
  }

  // Roster: every column the code knows is named exactly once.
  const colIds = s.roster.columns.map((c) => c.id);
  const missing = ROSTER_COLUMN_IDS.filter((id) => !colIds.includes(id));
  if (missing.length) out.push(error('scheme.rosterColumns', { missing: [...missing] }, at('roster', 'columns')));
  colIds.forEach((id, i) => {
    if (colIds.indexOf(id) !== i) out.push(error('scheme.duplicateId', { what: 'rosterColumn', id }, at('roster', 'columns', i, 'id')));
  });

  const groupIds = s.keyGroups.map((g) => g.id);
  groupIds.forEach((id, i) => {
    if (groupIds.indexOf(id) !== i) out.push(error('scheme.duplicateId', { what: 'keyGroup', id }, at('keyGroups', i, 'id')));
  });

  // The county reports quote the applicant's texts by section (or section.prompt) and name key groups.
  for (const list of ['sections', 'evaluation'] as const) {
    s.countyReview[list].forEach((part, pi) => {
      part.narrative.forEach((ref, ri) => {
        const [sid, prompt] = ref.split('.');
        const section = s.sections[sid!];
        if (!section || (prompt !== undefined && !section.prompts.some((p) => p.key === prompt))) {
          out.push(error('scheme.unknownRef', { what: 'section', id: ref }, at('countyReview', list, pi, 'narrative', ri)));
        }
      });
    });
  }
  const ledger = s.countyReview.ledger;
  if (ledger !== undefined && !s.materials.review.some((m) => m.id === ledger)) out.push(error('scheme.unknownRef', { what: 'material', id: ledger }, at('countyReview', 'ledger')));
  s.countyReview.ruralGroups.forEach((id, i) => {
    if (!groupIds.includes(id)) out.push(error('scheme.unknownRef', { what: 'keyGroup', id }, at('countyReview', 'ruralGroups', i)));
  });

  // Grounds for removal the data can show need the words for each finding.
  s.countyReview.removalGrounds.forEach((g, i) => {
    if (g.computed && (!g.present || !g.absent)) out.push(error('scheme.unknownRef', { what: 'removalGround', id: `${g.id}.${g.present ? 'absent' : 'present'}` }, at('countyReview', 'removalGrounds', i)));
  });
  return out;
}

/** Forms written as XLSX (the big table, the county's summary) must hold a table to write. */
export function validateForms(forms: Readonly<Record<string, FormTemplate>>, dir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, t] of Object.entries(forms)) {
    const xlsx = t.bigTable || id === COUNTY_FORMS.summary;
    if (xlsx && !t.blocks.some((b) => 'table' in b)) out.push(error('scheme.formNoTable', { form: id }, { file: path.join(dir, 'forms', `${id}.yaml`) }));
  }
  return out;
}
