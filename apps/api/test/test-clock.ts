import { Clock } from '../src/common/clock/clock';

/**
 * A clock the test sets: it reads the instant it was set to and runs on from there at the real
 * pace (as playwright's `page.clock.install` does in the browser), so server and browser can be put
 * at the same instant — 23:59 in Hà Nội on 31 December, say — whatever the machine's date.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  constructor(instant?: Date | string) {
    super();
    if (instant !== undefined) this.setTo(instant);
  }

  setTo(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
