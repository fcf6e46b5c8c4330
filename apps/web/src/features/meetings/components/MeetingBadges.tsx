import { Badge, type MantineColor } from '@mantine/core';
import type { InvitationStatus, MeetingKind, MeetingRole, MeetingStatus } from '@phonghop/common';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<MeetingStatus, MantineColor> = {
  draft: 'gray',
  scheduled: 'blue',
  live: 'red',
  ended: 'teal',
  closed: 'green',
  archived: 'dark',
};

export function MeetingStatusBadge({ status, size = 'md' }: { status: MeetingStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'live' ? 'filled' : 'light'}
      size={size}
      tt="none"
      data-testid="meeting-status"
      data-status={status}
    >
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

const ROLE_COLORS: Record<MeetingRole, MantineColor> = {
  chair: 'brand',
  secretary: 'violet',
  delegate: 'blue',
  guest: 'gray',
};

export function MeetingRoleBadge({ role }: { role: MeetingRole }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" size="md" tt="none">
      {t(`meetings.role.${role}`)}
    </Badge>
  );
}

const INVITATION_COLORS: Record<InvitationStatus, MantineColor> = {
  pending: 'yellow',
  accepted: 'teal',
  declined: 'gray',
};

export function InvitationBadge({ invitation }: { invitation: InvitationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={INVITATION_COLORS[invitation]}
      variant="dot"
      size="md"
      tt="none"
      data-testid="invitation-status"
    >
      {t(`meetings.invitation.${invitation}`)}
    </Badge>
  );
}

export function MeetingKindLabel({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return <>{t(`meetings.kind.${kind}`)}</>;
}
