/**
 * The text written for one prompt of a report section. Apart from the section check
 * (check/narrative.ts) so that filling a form does not load the check and its file analysis.
 */
import type { SectionDef } from './schema.js';

/**
 * A section with a single prompt may be written as plain text, one with several as a mapping
 * from prompt key to text; '' when the prompt has none.
 */
export function promptText(value: string | Record<string, string> | undefined, section: SectionDef, key: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return section.prompts[0]?.key === key ? value.trim() : '';
  return (value[key] ?? '').trim();
}
