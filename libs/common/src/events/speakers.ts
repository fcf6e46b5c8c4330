import type { Ack } from '../ack';
import type { MeetingCommandResult } from '../schemas/meeting-events';
import type {
  SpeakerAddCommand,
  SpeakerConfigureCommand,
  SpeakerEndCommand,
  SpeakerGrantCommand,
  SpeakerRemoveCommand,
  SpeakerReorderCommand,
  SpeakerRequestCommand,
  SpeakerWithdrawCommand,
} from '../schemas/speakers';

type Command<P, R> = (payload: P, ack: (ack: Ack<R>) => void) => void;

/** List of speakers commands. Specs: docs/events/speaker.*.md. Each appends a `speaker.*` event. */
export interface SpeakersClientToServerEvents {
  'speaker.request': Command<SpeakerRequestCommand, MeetingCommandResult>;
  'speaker.add': Command<SpeakerAddCommand, MeetingCommandResult>;
  'speaker.withdraw': Command<SpeakerWithdrawCommand, MeetingCommandResult>;
  'speaker.remove': Command<SpeakerRemoveCommand, MeetingCommandResult>;
  'speaker.reorder': Command<SpeakerReorderCommand, MeetingCommandResult>;
  'speaker.grant': Command<SpeakerGrantCommand, MeetingCommandResult>;
  'speaker.end': Command<SpeakerEndCommand, MeetingCommandResult>;
  'speaker.configure': Command<SpeakerConfigureCommand, MeetingCommandResult>;
}

export const SPEAKER_COMMANDS = [
  'speaker.request',
  'speaker.add',
  'speaker.withdraw',
  'speaker.remove',
  'speaker.reorder',
  'speaker.grant',
  'speaker.end',
  'speaker.configure',
] as const satisfies readonly (keyof SpeakersClientToServerEvents)[];
