// The date a build shows and stores. Reproducible builds set SOURCE_DATE_EPOCH
// (https://reproducible-builds.org/specs/source-date-epoch/); otherwise today's date, as a
// UTC day without time, so two builds on the same day are byte-identical too.

export class BuildDateError extends Error {
  constructor(readonly value: string) {
    super(`invalid SOURCE_DATE_EPOCH: ${value}`);
  }
}

export function buildDate(env: Record<string, string | undefined>, now: Date = new Date()): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw !== '') {
    const value = raw.trim();
    // The spec asks for a decimal integer and for failing loudly on anything else.
    if (!/^\d{1,12}$/.test(value)) throw new BuildDateError(raw);
    return new Date(Number(value) * 1000);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
