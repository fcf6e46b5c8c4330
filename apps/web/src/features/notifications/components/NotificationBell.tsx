import {
  ActionIcon,
  Box,
  Button,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
  type MantineColor,
} from '@mantine/core';
import type { Notification, NotificationKind } from '@phonghop/common';
import {
  IconBell,
  IconCalendarOff,
  IconCalendarTime,
  IconCheck,
  IconChecks,
  IconMail,
  IconPlayerPlay,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMeetingTime, formatSince } from '../../../lib/time';
import { useErrorMessage } from '../../../lib/use-error-message';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
} from '../hooks/use-notifications';
import classes from './NotificationBell.module.css';

const KIND_LOOK: Record<NotificationKind, { icon: Icon; color: MantineColor }> = {
  meeting_invitation: { icon: IconMail, color: 'blue' },
  meeting_unscheduled: { icon: IconCalendarOff, color: 'orange' },
  meeting_rescheduled: { icon: IconCalendarTime, color: 'yellow' },
  meeting_started: { icon: IconPlayerPlay, color: 'red' },
};

/** Where a notification leads: the room of a meeting that started, else the meeting's page. */
function linkOf(n: Notification): string | null {
  if (!n.meetingId) return null;
  return n.kind === 'meeting_started' ? `/meetings/${n.meetingId}/room` : `/meetings/${n.meetingId}`;
}

/** The bell in the header: how many are unread, and the list (newest first) with links to the meetings. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const unread = list.data?.unreadCount ?? 0;
  const label =
    unread > 0 ? t('notificationCenter.bellUnread', { count: unread }) : t('notificationCenter.bell');

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={400}
      shadow="lg"
      withinPortal
      trapFocus
      returnFocus
    >
      {/* The target is the button itself: aria-expanded belongs on it, not on the indicator's div. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={20}
        offset={8}
        color="red"
        disabled={unread === 0}
        data-testid="notification-count"
        data-count={unread}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={26} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        {opened && <NotificationPanel onNavigate={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unreadCount ?? 0;

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = linkOf(n);
    if (to) {
      onNavigate();
      navigate(to);
    }
  };

  return (
    <Stack gap={0} data-testid="notification-panel">
      <Group justify="space-between" px="md" py="sm" className={classes.head} wrap="nowrap">
        <Text fw={700}>{t('notificationCenter.title')}</Text>
        {unread > 0 && (
          <Button
            size="compact-md"
            variant="subtle"
            leftSection={<IconChecks size={18} />}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notification-read-all"
          >
            {t('notificationCenter.markAllRead')}
          </Button>
        )}
      </Group>
      {list.isPending && (
        <Box p="lg" ta="center">
          <Loader size="sm" />
        </Box>
      )}
      {list.error && (
        <Text c="red" size="sm" p="md">
          {errorMessage(list.error)}
        </Text>
      )}
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" p="lg" data-testid="notification-empty">
          {t('notificationCenter.empty')}
        </Text>
      )}
      <ScrollArea.Autosize mah="min(70vh, 520px)" type="auto">
        {items.map((n) => (
          <NotificationRow
            key={n.id}
            notification={n}
            onOpen={() => open(n)}
            onRead={() => markRead.mutate(n.id)}
          />
        ))}
      </ScrollArea.Autosize>
    </Stack>
  );
}

interface NotificationRowProps {
  notification: Notification;
  onOpen: () => void;
  onRead: () => void;
}

function NotificationRow({ notification: n, onOpen, onRead }: NotificationRowProps) {
  const { t } = useTranslation();
  const { icon: KindIcon, color } = KIND_LOOK[n.kind];
  const unread = !n.readAt;
  return (
    <Group
      gap={0}
      wrap="nowrap"
      align="stretch"
      className={classes.row}
      data-unread={unread || undefined}
      data-testid="notification-item"
      data-kind={n.kind}
    >
      <UnstyledButton onClick={onOpen} className={classes.open} data-testid="notification-open">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color={color} radius="xl" size={38}>
            <KindIcon size={20} />
          </ThemeIcon>
          <Stack gap={2} miw={0} flex={1}>
            <Text size="sm" fw={unread ? 700 : 500}>
              {t(`notifications.${n.kind}`)}
            </Text>
            <Text size="sm" lineClamp={2}>
              {n.payload.meetingTitle}
            </Text>
            <Text size="xs" c="dimmed">
              {formatMeetingTime(n.payload.startsAt, n.payload.endsAt)}
              {n.payload.location ? ` · ${n.payload.location}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {formatSince(n.createdAt)}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
      {unread && (
        <Tooltip label={t('notificationCenter.markRead')}>
          <ActionIcon
            color="gray"
            className={classes.read}
            aria-label={t('notificationCenter.markRead')}
            onClick={onRead}
            data-testid="notification-read"
          >
            <IconCheck size={20} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
