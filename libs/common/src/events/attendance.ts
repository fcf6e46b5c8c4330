import type { Ack } from '../ack';
import type {
  AttendanceCheckInCommand,
  AttendanceConfigureCommand,
  AttendanceMarkCommand,
  AttendanceSetProxyCommand,
} from '../schemas/attendance';
import type { MeetingCommandResult } from '../schemas/meeting-events';

type Command<P, R> = (payload: P, ack: (ack: Ack<R>) => void) => void;

/** Attendance commands. Specs: docs/events/attendance.*.md. Each appends `attendance.*` events. */
export interface AttendanceClientToServerEvents {
  'attendance.checkIn': Command<AttendanceCheckInCommand, MeetingCommandResult>;
  'attendance.mark': Command<AttendanceMarkCommand, MeetingCommandResult>;
  'attendance.setProxy': Command<AttendanceSetProxyCommand, MeetingCommandResult>;
  'attendance.configure': Command<AttendanceConfigureCommand, MeetingCommandResult>;
}

export const ATTENDANCE_COMMANDS = [
  'attendance.checkIn',
  'attendance.mark',
  'attendance.setProxy',
  'attendance.configure',
] as const satisfies readonly (keyof AttendanceClientToServerEvents)[];
