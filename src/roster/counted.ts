import type { Trainee } from './types.js';

/** The rows the figures count: the brand trade's trainees, each person once (办法第六条's figures, the rosters printed). */
export function countedTrainees(trainees: readonly Trainee[]): Trainee[] {
  return trainees.filter((t) => t.brandTrade && !t.duplicate);
}
