/**
 * The run's clock. With SOURCE_DATE_EPOCH set (seconds since 1970, the reproducible-builds
 * convention) every date shenbao uses is that moment, so the same input gives the same
 * output; otherwise it is now. Dates are taken in China Standard Time (UTC+8), where the
 * filings happen.
 */
export interface Clock {
  now: Date;
  /** True when the time came from SOURCE_DATE_EPOCH. */
  fixed: boolean;
}

export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Clock {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return { now: new Date(Number(raw.trim()) * 1000), fixed: true };
  return { now: new Date(), fixed: false };
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** YYYY-MM-DD of an instant in China Standard Time. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
