import { afterEach, describe, expect, test } from 'vitest';
import { formatDate, isCalendarDay, todayIn } from '../../../src/lib/dates.ts';

const originalTz = process.env['TZ'];
afterEach(() => {
  process.env['TZ'] = originalTz;
});

describe('formatDate', () => {
  // Node re-reads TZ when it is assigned, so each case runs in that machine time zone.
  test.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])(
    'reads the same day on a machine in %s',
    (tz) => {
      process.env['TZ'] = tz;
      expect(formatDate('2025-07-19', 'en-GB')).toBe('19 July 2025');
      expect(formatDate('2026-01-01', 'en-GB')).toBe('1 January 2026');
      expect(formatDate('2025-12-31', 'en-US')).toBe('December 31, 2025');
    },
  );

  test('rejects a string that is not a calendar day', () => {
    expect(() => formatDate('July 19', 'en-GB')).toThrow(/not an ISO calendar day/);
  });
});

describe('todayIn', () => {
  test.each([
    ['Europe/London', '2025-06-30T23:30:00Z', '2025-07-01'],
    ['America/Los_Angeles', '2025-07-01T05:00:00Z', '2025-06-30'],
    ['Pacific/Kiritimati', '2025-06-30T11:00:00Z', '2025-07-01'],
  ])('in %s at %s it is %s', (timeZone, instant, day) => {
    expect(todayIn(timeZone, new Date(instant))).toBe(day);
  });
});

test.each([
  ['2025-07-19', true],
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['2025-13-01', false],
  ['2025-7-19', false],
  ['19/07/2025', false],
  ['', false],
])('isCalendarDay(%j) is %s', (value, expected) => {
  expect(isCalendarDay(value)).toBe(expected);
});
