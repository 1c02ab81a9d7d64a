/**
 * The narrative sections of the recommendation form (推荐表) or review form (复评表): each
 * section of the kind, and each of its numbered prompts, must be written. A section with a
 * single prompt may be written as plain text; a section with several prompts as a mapping
 * from prompt key to text (or as one text for the whole section).
 */
import { error, warning } from '../core/diagnostic.js';
import type { SectionDef } from '../scheme/schema.js';
import { at, type CheckContext } from './context.js';
import { kindTerm } from './materials.js';
import { promptText } from '../scheme/prompt-text.js';

export function checkNarrative(ctx: CheckContext): void {
  const { scheme, submission } = ctx;
  const wanted = scheme.sectionsFor[submission.kind];
  const narrative = submission.narrative;
  for (const key of Object.keys(narrative)) {
    if (!(key in scheme.sections)) {
      ctx.diagnostics.push(error('narrative.unknown', { key, options: wanted }, at(ctx, 'narrative', key)));
    } else if (!wanted.includes(key)) {
      ctx.diagnostics.push(warning('narrative.notForKind', { key, kind: kindTerm(ctx) }, at(ctx, 'narrative', key)));
    }
  }
  for (const id of wanted) {
    const section = scheme.sections[id]!;
    const value = narrative[id];
    if (typeof value === 'string') {
      // One text for the whole section is fine; it only needs to be there.
      if (value.trim() === '') ctx.diagnostics.push(error('narrative.missing', { section: section.title, prompt: section.prompts[0]!.text.slice(0, 24) }, at(ctx, 'narrative', id)));
      continue;
    }
    if (value) {
      const keys = section.prompts.map((p) => p.key);
      for (const k of Object.keys(value)) {
        if (!keys.includes(k)) ctx.diagnostics.push(error('narrative.unknown', { key: `${id}.${k}`, options: keys }, at(ctx, 'narrative', id, k)));
      }
    }
    section.prompts.forEach((p, i) => {
      if (promptText(value, section, p.key) === '') {
        const short = p.text.length > 24 ? `${p.text.slice(0, 24)}…` : p.text;
        ctx.diagnostics.push(error('narrative.missing', { section: section.title, prompt: short, number: i + 1 }, at(ctx, 'narrative', id, p.key)));
      }
    });
  }
}
