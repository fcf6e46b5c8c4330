import type { MeetingActor, MeetingRole } from '@phonghop/common';
import { useSession } from '../../auth/hooks/use-session';

/** Me as the permission rules see me in one meeting (they hide buttons; the server decides). */
export function useMeetingActor(
  meetingRole: MeetingRole | null | undefined,
): MeetingActor & { userId: string } {
  const { user } = useSession();
  return {
    userId: user?.id ?? '',
    systemRole: user?.systemRole ?? 'member',
    meetingRole: meetingRole ?? null,
  };
}
