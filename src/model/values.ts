// Plain values out of parsed YAML, each of the expected type or undefined: the model builders
// read worksheets through these, so a value the schema check refused never breaks the build.

export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const int = (v: unknown): number | undefined => (Number.isInteger(v) ? (v as number) : undefined);
/** A real calendar date written yyyy-mm-dd (a YAML 1.1 loader's Date is accepted too). */
export const isoDate = (v: unknown): string | undefined => {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
};
export const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');
