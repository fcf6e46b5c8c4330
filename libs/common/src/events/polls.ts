import type { Ack } from '../ack';
import type { MeetingCommandResult } from '../schemas/meeting-events';
import type {
  PollAddVoterCommand,
  PollCastCommand,
  PollCastResult,
  PollCloseCommand,
  PollCreateCommand,
  PollDeleteCommand,
  PollMine,
  PollMineCommand,
  PollOpenCommand,
  PollProgress,
  PollPublishCommand,
  PollUpdateCommand,
} from '../schemas/polls';

type Command<P, R> = (payload: P, ack: (ack: Ack<R>) => void) => void;

/**
 * Voting commands. Specs: docs/events/poll.*.md. Each of create … addVoter appends one `poll.*`
 * event; `poll.cast` appends none (it answers a receipt after its own commit); `poll.mine` reads.
 */
export interface PollsClientToServerEvents {
  'poll.create': Command<PollCreateCommand, MeetingCommandResult>;
  'poll.update': Command<PollUpdateCommand, MeetingCommandResult>;
  'poll.delete': Command<PollDeleteCommand, MeetingCommandResult>;
  'poll.open': Command<PollOpenCommand, MeetingCommandResult>;
  'poll.close': Command<PollCloseCommand, MeetingCommandResult>;
  'poll.publish': Command<PollPublishCommand, MeetingCommandResult>;
  'poll.addVoter': Command<PollAddVoterCommand, MeetingCommandResult>;
  'poll.cast': Command<PollCastCommand, PollCastResult>;
  'poll.mine': Command<PollMineCommand, PollMine>;
}

export interface PollsServerToClientEvents {
  /** Ballots cast so far (and a named poll's live tally if allowed); ephemeral, a few per second at most. */
  'poll.progress': (payload: PollProgress) => void;
}

export const POLL_COMMANDS = [
  'poll.create',
  'poll.update',
  'poll.delete',
  'poll.open',
  'poll.close',
  'poll.publish',
  'poll.addVoter',
  'poll.cast',
  'poll.mine',
] as const satisfies readonly (keyof PollsClientToServerEvents)[];

export const POLL_SERVER_EVENTS = [
  'poll.progress',
] as const satisfies readonly (keyof PollsServerToClientEvents)[];
