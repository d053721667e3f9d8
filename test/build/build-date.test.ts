import { describe, expect, it } from 'vitest';
import { BuildDateError, buildDate } from '../../src/publish/build-date.js';

describe('buildDate', () => {
  it('uses SOURCE_DATE_EPOCH (seconds) when set', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1709294400' }).toISOString()).toBe('2024-03-01T12:00:00.000Z');
    expect(buildDate({ SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('otherwise today, as a UTC day without time', () => {
    const now = new Date('2025-06-30T23:59:59.999Z');
    expect(buildDate({}, now).toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(buildDate({ SOURCE_DATE_EPOCH: '' }, now).toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });

  it.each(['-1', '1.5', 'abc', '1e9', '0x10', '99999999999999'])('rejects %s', (value) => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: value })).toThrow(BuildDateError);
  });
});
