import seed from './workshop-seed.json' with { type: 'json' };

/** The seminar that inspired Plenary: the demo workshop and realistic test data. */
export const workshopSeed = seed;
export type WorkshopSeed = typeof seed;

/** The five standing themes of a workshop, in English, used when none are given. */
export const STANDING_THEMES: readonly string[] = seed.themes.map((t) => t.en);
