import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import {
  formatClock,
  formatMeetingTime,
  fromWardInputs,
  isOnWardDay,
  startOfWardWeek,
  toWardInputs,
  wardDay,
  wardDayKey,
  wardTime,
} from './time';

/*
 * Nothing here depends on the device's zone: run on a machine in UTC (CI) these checks would fail
 * with plain dayjs(). (Jest sandboxes process.env, so TZ cannot be switched inside one run; the
 * e2e test opens browsers in UTC and in Vietnam for that.)
 */
describe('Vietnam time, whatever the device zone', () => {
  beforeAll(() => dayjs.locale('vi'));
  afterAll(() => dayjs.locale('en'));

  it('shows a meeting at 08:00 Vietnam time as 08:00', () => {
    expect(formatClock('2025-07-01T01:00:00.000Z')).toBe('08:00');
    expect(formatMeetingTime('2025-07-01T01:00:00Z', '2025-07-01T04:30:00Z')).toBe(
      '08:00 – 11:30, thứ ba 01/07/2025',
    );
  });

  it('puts a meeting on its Vietnamese day, also across UTC midnight', () => {
    // 23:30 UTC on 30 June is 06:30 on 1 July in Vietnam.
    expect(wardDayKey('2025-06-30T23:30:00Z')).toBe('2025-07-01');
    expect(isOnWardDay('2025-06-30T23:30:00Z', wardDay('2025-07-01'))).toBe(true);
    expect(isOnWardDay('2025-06-30T16:59:00Z', wardDay('2025-07-01'))).toBe(false);
    expect(isOnWardDay('2025-06-30T17:00:00Z', wardDay('2025-07-01'))).toBe(true);
  });

  it('reads and writes the editor fields as Vietnam time', () => {
    expect(fromWardInputs('2025-07-01', '08:00')).toBe('2025-07-01T08:00:00+07:00');
    expect(fromWardInputs('2025-07-01', '14:30:00')).toBe('2025-07-01T14:30:00+07:00');
    expect(fromWardInputs('2025-07-01', '')).toBeNull();
    expect(fromWardInputs('', '08:00')).toBeNull();
    expect(toWardInputs('2025-06-30T23:30:00Z')).toEqual({ date: '2025-07-01', time: '06:30' });
    const typed = fromWardInputs('2025-12-31', '23:45');
    expect(typed && toWardInputs(typed)).toEqual({ date: '2025-12-31', time: '23:45' });
  });

  it('starts weeks on Monday at Vietnamese midnight', () => {
    const monday = startOfWardWeek(wardTime('2025-07-06T16:00:00Z')); // Sunday 23:00 in Vietnam
    expect(monday.format('YYYY-MM-DD HH:mm Z')).toBe('2025-06-30 00:00 +07:00');
    expect(monday.toISOString()).toBe('2025-06-29T17:00:00.000Z');
    expect(monday.add(7, 'day').format()).toBe('2025-07-07T00:00:00+07:00');
    expect(wardDay('2025-07-01').format()).toBe('2025-07-01T00:00:00+07:00');
  });
});
