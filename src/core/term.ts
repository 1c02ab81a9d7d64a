/**
 * A term as data carries it in both languages — a level of the scheme (盟级 / League), a
 * field's label from the submission schema. Diagnostics and plans hold the pair; only the
 * renderer of a message picks one, so nothing is localised before it reaches the edge.
 */
export interface Term {
  zh: string;
  en: string;
}

/** A term that exists in one wording only (the notice's own Chinese words): the same in both languages. */
export const verbatim = (text: string): Term => ({ zh: text, en: text });
