import { localDayRange, overlaps } from './meeting-calendar';

describe('localDayRange', () => {
  it('gives the Vietnamese day containing an instant', () => {
    // 2026-12-01 20:00 UTC is 2026-12-02 03:00 in Hà Nội.
    const { from, to } = localDayRange(new Date('2026-12-01T20:00:00Z'));
    expect(from.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });

  it('includes the first instant of the day and excludes the next', () => {
    const { from, to } = localDayRange(new Date('2026-12-01T17:00:00Z'));
    expect(from.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });
});

describe('overlaps', () => {
  const d = (s: string) => new Date(s);
  it('is half-open', () => {
    expect(
      overlaps(
        d('2026-01-01T08:00Z'),
        d('2026-01-01T10:00Z'),
        d('2026-01-01T10:00Z'),
        d('2026-01-02T00:00Z'),
      ),
    ).toBe(false);
    expect(
      overlaps(
        d('2026-01-01T08:00Z'),
        d('2026-01-01T10:01Z'),
        d('2026-01-01T10:00Z'),
        d('2026-01-02T00:00Z'),
      ),
    ).toBe(true);
  });
});
