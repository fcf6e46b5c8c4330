import { Avatar, Button, Group, Indicator, Paper, Stack, Text, Title } from '@mantine/core';
import { MEETING_ROLES, type Participant } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { initials } from '../../../lib/initials';

interface RoomPresenceProps {
  participants: Participant[];
  /** Who is connected (known while the room watches presence). */
  online: string[];
  /** How many are connected (always known). */
  onlineCount: number;
  /** False while this tablet's connection is lost: who is connected is then unknown. */
  live: boolean;
  /** Whether the list of people is shown; a big meeting shows the count until asked. */
  listed: boolean;
  /** A big meeting's toggle between the count and the list (none: a small meeting, always listed). */
  onToggleList?: () => void;
}

/**
 * Who has the meeting open on a device now (a socket joined the room) — "đã kết nối", not "trực
 * tuyến", which in Vietnamese meetings means attending remotely. A member who reported an absence
 * (declined the invitation) shows as absent with the reason. Connected first, absent last. A big
 * meeting (a congress) shows how many until someone asks for the list: a thousand names on every
 * tablet, updated with every arrival, would serve nobody.
 */
export function RoomPresence({
  participants,
  online,
  onlineCount,
  live,
  listed,
  onToggleList,
}: RoomPresenceProps) {
  const { t } = useTranslation();
  const isOnline = (p: Participant) => live && online.includes(p.userId);
  const isAbsent = (p: Participant) => p.invitation === 'declined' && !isOnline(p);
  const rank = (p: Participant) => (isOnline(p) ? 0 : isAbsent(p) ? 2 : 1);
  const sorted = [...participants].sort(
    (a, b) => rank(a) - rank(b) || MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role),
  );
  const state = (p: Participant) => {
    if (isAbsent(p)) {
      return p.declineReason ? t('room.absent', { reason: p.declineReason }) : t('room.absentNoReason');
    }
    if (!live) return null;
    return isOnline(p) ? t('room.isOnline') : t('room.isOffline');
  };
  return (
    <Paper withBorder radius="md" p="md" data-live={live}>
      <Title order={2} size="h4" mb="sm">
        {t('room.presence')}
      </Title>
      {!live && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="room-presence-unknown">
          {t('room.presenceUnknown')}
        </Text>
      )}
      {onToggleList && (
        <Group justify="space-between" gap="sm" mb={listed ? 'sm' : 0}>
          {live && (
            <Text size="sm" data-testid="room-presence-count">
              {t('room.online', { online: onlineCount, total: participants.length })}
            </Text>
          )}
          <Button variant="light" size="sm" onClick={onToggleList} data-testid="room-presence-toggle">
            {listed ? t('room.hideWho') : t('room.showWho')}
          </Button>
        </Group>
      )}
      {listed && (
        <Stack gap={8} data-testid="room-presence">
          {sorted.map((p) => (
            <Group
              key={p.userId}
              gap="sm"
              wrap="nowrap"
              data-testid={`presence-${p.user.username}`}
              data-online={isOnline(p)}
              data-absent={isAbsent(p) || undefined}
            >
              <Indicator
                color={isOnline(p) ? 'teal' : 'gray'}
                size={12}
                offset={4}
                position="bottom-end"
                withBorder
                disabled={!live}
              >
                <Avatar radius="xl" size={36} color={isOnline(p) ? 'teal' : 'gray'}>
                  {initials(p.user.fullName)}
                </Avatar>
              </Indicator>
              <Stack gap={0} flex={1} miw={0}>
                <Text size="sm" fw={600} truncate c={isOnline(p) ? undefined : 'dimmed'}>
                  {p.user.fullName}
                </Text>
                <Text
                  size="xs"
                  c={isAbsent(p) ? 'red.9' : 'dimmed'}
                  lineClamp={2}
                  data-testid="presence-state"
                >
                  {t(`meetings.role.${p.role}`)}
                  {state(p) ? ` · ${state(p)}` : ''}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
