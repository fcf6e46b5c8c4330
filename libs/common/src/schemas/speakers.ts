import { z } from 'zod';
import { IdempotencyKeySchema } from './meetings';
import { uuid } from './text';

/*
 * The list of speakers (đăng ký phát biểu), per agenda item. Every change is a command on the
 * meeting log; a speech's start instant and time limit travel once in `speaker.granted`, and every
 * screen counts down against the server's clock (no per-second broadcasts).
 */

/** ý kiến, tán thành, phản đối, chất vấn, kiến nghị về thủ tục (goes to the top of the list). */
export const SPEECH_KINDS = ['opinion', 'support', 'oppose', 'question', 'point_of_order'] as const;
export const SpeechKindSchema = z.enum(SPEECH_KINDS);
export type SpeechKind = z.infer<typeof SpeechKindSchema>;

export const SPEAKER_STATUSES = ['waiting', 'speaking', 'done', 'withdrawn', 'removed'] as const;
export const SpeakerStatusSchema = z.enum(SPEAKER_STATUSES);
export type SpeakerStatus = z.infer<typeof SpeakerStatusSchema>;

export const SpeakerSchema = z.object({
  id: uuid(),
  agendaItemId: uuid(),
  userId: uuid(),
  kind: SpeechKindSchema,
  status: SpeakerStatusSchema,
  /** Order among the waiting (points of order always come first, then by position). */
  position: z.number().int(),
  /** This speaker's own limit; null: the item's, else the meeting's. */
  limitSeconds: z.number().int().nullable(),
  requestedAt: z.iso.datetime(),
  /** Null: they asked themself; else who put them on the list (the chair). */
  addedById: uuid().nullable(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

export const SpeakerItemSettingsSchema = z.object({
  agendaItemId: uuid(),
  /** Null: the meeting's default. */
  limitSeconds: z.number().int().nullable(),
  /** The chair closed the list: nobody more may ask for the floor on this item. */
  closed: z.boolean(),
});
export type SpeakerItemSettings = z.infer<typeof SpeakerItemSettingsSchema>;

export const DEFAULT_SPEAKING_LIMIT_SECONDS = 300;

/** The speakers slice of the meeting snapshot. */
export const SpeakersStateSchema = z.object({
  defaultLimitSeconds: z.number().int(),
  items: z.array(SpeakerItemSettingsSchema),
  /** Every request of the meeting, in the order they were made. */
  list: z.array(SpeakerSchema),
});
export type SpeakersState = z.infer<typeof SpeakersStateSchema>;

export const EMPTY_SPEAKERS_STATE: SpeakersState = {
  defaultLimitSeconds: DEFAULT_SPEAKING_LIMIT_SECONDS,
  items: [],
  list: [],
};

const limit = z.number().int().min(10).max(3600);
const Base = z.strictObject({ meetingId: uuid(), idempotencyKey: IdempotencyKeySchema });

// ---- commands -----------------------------------------------------------------------------

/** Ask for the floor on the current agenda item. */
export const SpeakerRequestCommandSchema = Base.extend({ kind: SpeechKindSchema });
export type SpeakerRequestCommand = z.infer<typeof SpeakerRequestCommandSchema>;
/** The chair puts someone on the list of the current item. */
export const SpeakerAddCommandSchema = Base.extend({ userId: uuid(), kind: SpeechKindSchema });
export type SpeakerAddCommand = z.infer<typeof SpeakerAddCommandSchema>;
/** Withdraw one's own waiting request. */
export const SpeakerWithdrawCommandSchema = Base.extend({ speakerId: uuid() });
export type SpeakerWithdrawCommand = z.infer<typeof SpeakerWithdrawCommandSchema>;
/** The chair takes a waiting request off the list. */
export const SpeakerRemoveCommandSchema = Base.extend({ speakerId: uuid() });
export type SpeakerRemoveCommand = z.infer<typeof SpeakerRemoveCommandSchema>;
/** The chair orders the waiting requests of an item (all of them, in the new order). */
export const SpeakerReorderCommandSchema = Base.extend({
  agendaItemId: uuid(),
  speakerIds: z.array(uuid()).max(500),
});
export type SpeakerReorderCommand = z.infer<typeof SpeakerReorderCommandSchema>;
/** The chair gives the floor (optionally with this speaker's own limit). */
export const SpeakerGrantCommandSchema = Base.extend({ speakerId: uuid(), limitSeconds: limit.optional() });
export type SpeakerGrantCommand = z.infer<typeof SpeakerGrantCommandSchema>;
/** The chair ends the current speech. */
export const SpeakerEndCommandSchema = Base.extend({ speakerId: uuid() });
export type SpeakerEndCommand = z.infer<typeof SpeakerEndCommandSchema>;
/** The meeting's default limit, or an item's limit and whether its list is closed. */
export const SpeakerConfigureCommandSchema = Base.extend({
  defaultLimitSeconds: limit.optional(),
  agendaItemId: uuid().optional(),
  itemLimitSeconds: limit.nullable().optional(),
  closed: z.boolean().optional(),
}).refine(
  (c) => c.agendaItemId !== undefined || (c.itemLimitSeconds === undefined && c.closed === undefined),
  {
    path: ['agendaItemId'],
    message: 'an item setting needs agendaItemId',
  },
);
export type SpeakerConfigureCommand = z.infer<typeof SpeakerConfigureCommandSchema>;
