import type { Ack } from '../ack';
import type { MeetingCommandResult } from '../schemas/meeting-events';
import type {
  DocumentPresentCommand,
  DocumentStopPresentingCommand,
  DocumentTurnPageCommand,
} from '../schemas/presentation';

type Command<P, R> = (payload: P, ack: (ack: Ack<R>) => void) => void;

/** Follow the presenter. Specs: docs/events/document.present.md, document.turnPage.md, document.stopPresenting.md. */
export interface PresentationClientToServerEvents {
  'document.present': Command<DocumentPresentCommand, MeetingCommandResult>;
  'document.turnPage': Command<DocumentTurnPageCommand, MeetingCommandResult>;
  'document.stopPresenting': Command<DocumentStopPresentingCommand, MeetingCommandResult>;
}

export const PRESENTATION_COMMANDS = [
  'document.present',
  'document.turnPage',
  'document.stopPresenting',
] as const satisfies readonly (keyof PresentationClientToServerEvents)[];
