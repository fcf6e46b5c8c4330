import type {
  AddAgendaItemRequest,
  AddParticipantRequest,
  AgendaItem,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingEvent,
  MeetingListQuery,
  MeetingRole,
  MeetingStatus,
  RespondInvitationRequest,
  UpdateAgendaItemRequest,
  UpdateMeetingRequest,
} from '@phonghop/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meetingsApi } from '../api/meetings-api';

export const meetingsKey = ['meetings'] as const;
const detailKey = (id: string) => [...meetingsKey, 'detail', id] as const;

export function useMeetingList(query: MeetingListQuery, enabled = true) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', query],
    queryFn: () => meetingsApi.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => meetingsApi.get(id) });
}

/** The whole event log of a meeting (read in pages of 1000), e.g. for the record of a past meeting. */
export function useMeetingEvents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...detailKey(id), 'events'],
    enabled,
    queryFn: async () => {
      const events: MeetingEvent[] = [];
      for (;;) {
        const page = await meetingsApi.events(id, events.at(-1)?.seq ?? 0);
        events.push(...page.events);
        if (page.events.length === 0 || events.at(-1)!.seq >= page.seq) return events;
      }
    },
  });
}

export function useParticipantCandidates(q: string) {
  return useQuery({
    queryKey: [...meetingsKey, 'candidates', q.trim()],
    queryFn: () => meetingsApi.candidates(q),
    placeholderData: keepPreviousData,
  });
}

/** A change to one meeting: afterwards every meeting query (lists, calendar, detail) is refetched. */
function useMeetingMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsKey }),
  });
}

export const useCreateMeeting = () =>
  useMeetingMutation((body: CreateMeetingRequest) => meetingsApi.create(body));

export const useUpdateMeeting = (id: string) =>
  useMeetingMutation((body: UpdateMeetingRequest) => meetingsApi.update(id, body));

export const useTransitionMeeting = (id: string) =>
  useMeetingMutation((to: MeetingStatus) => meetingsApi.transition(id, to));

export const useAddParticipant = (id: string) =>
  useMeetingMutation((body: AddParticipantRequest) => meetingsApi.addParticipant(id, body));

export const useChangeParticipantRole = (id: string) =>
  useMeetingMutation(({ userId, role }: { userId: string; role: MeetingRole }) =>
    meetingsApi.changeRole(id, userId, role),
  );

export const useRemoveParticipant = (id: string) =>
  useMeetingMutation((userId: string) => meetingsApi.removeParticipant(id, userId));

export const useRespondInvitation = (id: string) =>
  useMeetingMutation((body: RespondInvitationRequest) => meetingsApi.respond(id, body));

export const useAddAgendaItem = (id: string) =>
  useMeetingMutation((body: AddAgendaItemRequest) => meetingsApi.addAgendaItem(id, body));

export const useUpdateAgendaItem = (id: string) =>
  useMeetingMutation(({ itemId, body }: { itemId: string; body: UpdateAgendaItemRequest }) =>
    meetingsApi.updateAgendaItem(id, itemId, body),
  );

export const useRemoveAgendaItem = (id: string) =>
  useMeetingMutation((itemId: string) => meetingsApi.removeAgendaItem(id, itemId));

/** Reorders at once on screen (a drag must not jump back), then asks the server; reloads on refusal. */
export function useReorderAgenda(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemIds: string[]) => meetingsApi.reorderAgenda(id, itemIds),
    onMutate: async (itemIds) => {
      await queryClient.cancelQueries({ queryKey: detailKey(id) });
      queryClient.setQueryData<MeetingDetail>(detailKey(id), (detail) =>
        detail ? { ...detail, agenda: inOrder(detail.agenda, itemIds) } : detail,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsKey }),
  });
}

function inOrder(agenda: AgendaItem[], itemIds: string[]): AgendaItem[] {
  const byId = new Map(agenda.map((item) => [item.id, item]));
  return itemIds.flatMap((itemId, index) => {
    const item = byId.get(itemId);
    return item ? [{ ...item, position: index + 1 }] : [];
  });
}
