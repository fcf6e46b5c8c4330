import {
  AgendaItemSchema,
  MeetingDetailSchema,
  MeetingEventsResponseSchema,
  MeetingListResponseSchema,
  MeetingSchema,
  ParticipantCandidatesResponseSchema,
  ParticipantSchema,
  type AddAgendaItemRequest,
  type AddParticipantRequest,
  type CreateMeetingRequest,
  type MeetingListQuery,
  type MeetingRole,
  type MeetingStatus,
  type RespondInvitationRequest,
  type UpdateAgendaItemRequest,
  type UpdateMeetingRequest,
} from '@phonghop/common';
import { z } from 'zod';
import { api } from '../../../lib/api-client';

const AgendaListSchema = z.object({ items: z.array(AgendaItemSchema) });

/** The meetings REST API. Every change is idempotent: a lost answer is retried with the same key. */
export const meetingsApi = {
  list: (query: MeetingListQuery) =>
    api.get('/meetings', { schema: MeetingListResponseSchema, query: { ...query } }),
  get: (id: string) => api.get(`/meetings/${id}`, { schema: MeetingDetailSchema }),
  /** A page of the meeting's event log after `sinceSeq` (at most 1000). */
  events: (id: string, sinceSeq: number) =>
    api.get(`/meetings/${id}/events`, {
      schema: MeetingEventsResponseSchema,
      query: { sinceSeq: String(sinceSeq), limit: '1000' },
    }),
  create: (body: CreateMeetingRequest) =>
    api.post('/meetings', { body, schema: MeetingSchema, idempotent: true }),
  update: (id: string, body: UpdateMeetingRequest) =>
    api.patch(`/meetings/${id}`, { body, schema: MeetingSchema, idempotent: true }),
  transition: (id: string, to: MeetingStatus) =>
    api.post(`/meetings/${id}/transitions`, { body: { to }, schema: MeetingSchema, idempotent: true }),

  candidates: (q: string) =>
    api.get('/meetings/participant-candidates', {
      schema: ParticipantCandidatesResponseSchema,
      query: { q: q.trim() || undefined },
    }),
  addParticipant: (id: string, body: AddParticipantRequest) =>
    api.post(`/meetings/${id}/participants`, { body, schema: ParticipantSchema, idempotent: true }),
  changeRole: (id: string, userId: string, role: MeetingRole) =>
    api.patch(`/meetings/${id}/participants/${userId}`, {
      body: { role },
      schema: ParticipantSchema,
      idempotent: true,
    }),
  removeParticipant: (id: string, userId: string) =>
    api.delete(`/meetings/${id}/participants/${userId}`, { idempotent: true }),
  respond: (id: string, body: RespondInvitationRequest) =>
    api.post(`/meetings/${id}/invitation`, { body, schema: ParticipantSchema, idempotent: true }),

  addAgendaItem: (id: string, body: AddAgendaItemRequest) =>
    api.post(`/meetings/${id}/agenda`, { body, schema: AgendaItemSchema, idempotent: true }),
  updateAgendaItem: (id: string, itemId: string, body: UpdateAgendaItemRequest) =>
    api.patch(`/meetings/${id}/agenda/${itemId}`, { body, schema: AgendaItemSchema, idempotent: true }),
  removeAgendaItem: (id: string, itemId: string) =>
    api.delete(`/meetings/${id}/agenda/${itemId}`, { idempotent: true }),
  reorderAgenda: (id: string, itemIds: string[]) =>
    api.put(`/meetings/${id}/agenda/order`, {
      body: { itemIds },
      schema: AgendaListSchema,
      idempotent: true,
    }),
};
