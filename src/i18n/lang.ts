import type { Term } from '../core/term.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function pick(text: Term, lang: Lang): string {
  return text[lang];
}
