/**
 * The time the meeting lists and the calendar feed are computed at. Production reads the system
 * clock; tests give the app a clock they control (apps/api/test/test-clock.ts), so "today" and
 * "overdue" can be checked at any instant — month ends, year end, the Vietnamese day changing while
 * UTC's does not — whatever the hour the suite runs.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
