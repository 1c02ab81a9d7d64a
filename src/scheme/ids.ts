/** The fixed ids every scheme uses: levels, kinds of filing, county population bands. */
export const LEVELS = ['county', 'league', 'region'] as const;
export type Level = (typeof LEVELS)[number];
export const KINDS = ['application', 'review'] as const;
export type Kind = (typeof KINDS)[number];
export const POPULATION_BANDS = ['atLeast200k', 'below200k'] as const;
export type PopulationBand = (typeof POPULATION_BANDS)[number];
