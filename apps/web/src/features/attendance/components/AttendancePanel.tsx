import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  canManageAttendance,
  checkConfigureAttendance,
  checkTakeAttendance,
  computeQuorum,
  isPresentStatus,
  isVotingRole,
  MEETING_ROLES,
  type AttendanceStatus,
  type MeetingActor,
  type MeetingSnapshot,
  type Participant,
} from '@phonghop/common';
import {
  IconDeviceTablet,
  IconDeviceTabletOff,
  IconDotsVertical,
  IconQrcode,
  IconSettings,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAttendanceCommands } from '../hooks/use-attendance-commands';
import { AbsenceModal } from './AbsenceModal';
import { AttendanceSettingsModal } from './AttendanceSettingsModal';
import { CheckInQrCode } from './CheckInQrCode';
import { ProxyModal } from './ProxyModal';
import { QuorumSummary } from './QuorumSummary';

const STATUS_COLOR: Record<AttendanceStatus | 'none', string> = {
  present_room: 'teal',
  present_online: 'blue',
  late: 'yellow',
  absent: 'red',
  left: 'gray',
  none: 'gray',
};

/**
 * Attendance for the chair and the secretary: the quorum, each person's check-in status and whether
 * their tablet is connected right now; the secretary marks, corrects and records proxies from here.
 */
export function AttendancePanel({ snapshot, actor }: { snapshot: MeetingSnapshot; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const commands = useAttendanceCommands(snapshot.meeting.id);
  const [absent, setAbsent] = useState<Participant | null>(null);
  const [proxyFrom, setProxyFrom] = useState<Participant | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [qrOpen, setQrOpen] = useState(false);
  if (!canManageAttendance(actor)) return null;

  const { participants, attendance, online } = snapshot;
  const quorum = computeQuorum(participants, attendance.records, attendance.settings);
  const canMark = checkTakeAttendance(snapshot.meeting.status, actor).ok;
  const canConfigure = checkConfigureAttendance(snapshot.meeting.status, actor).ok;
  const recordOf = (userId: string) => attendance.records.find((r) => r.userId === userId);
  const nameOf = (userId: string) => participants.find((p) => p.userId === userId)?.user.fullName ?? '';
  const sorted = [...participants].sort(
    (a, b) =>
      MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) ||
      a.user.fullName.localeCompare(b.user.fullName, 'vi'),
  );

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };
  const mark = (p: Participant, status: Exclude<AttendanceStatus, 'absent'>) =>
    void run(() => commands.mark({ userId: p.userId, status }));

  return (
    <Paper withBorder radius="md" p="md" data-testid="attendance-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {t('attendance.title')}
        </Title>
        {canConfigure && (
          <Tooltip label={t('attendance.settings')}>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('attendance.settings')}
              onClick={() => setSettingsOpen(true)}
              data-testid="attendance-settings"
            >
              <IconSettings size={20} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <QuorumSummary quorum={quorum} settings={attendance.settings} />
      {(snapshot.meeting.status === 'scheduled' || snapshot.meeting.status === 'live') && (
        <Button
          mt="sm"
          variant="light"
          leftSection={<IconQrcode size={20} />}
          onClick={() => setQrOpen(true)}
          data-testid="show-check-in-qr"
        >
          {t('attendance.qrButton')}
        </Button>
      )}
      <Stack gap={6} mt="md" data-testid="attendance-list">
        {sorted.map((p) => {
          const r = recordOf(p.userId);
          const status = r?.status ?? 'none';
          const connected = online.includes(p.userId);
          const detail = [
            r?.absenceReason ? t(`attendance.reason.${r.absenceReason}`) : null,
            r?.note ?? null,
            r?.proxyHolderId ? t('attendance.proxyTo', { name: nameOf(r.proxyHolderId) }) : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <Group
              key={p.userId}
              gap="sm"
              wrap="nowrap"
              data-testid={`attendance-${p.user.username}`}
              data-status={status}
              data-connected={connected}
            >
              <Tooltip
                label={connected ? t('attendance.tabletConnected') : t('attendance.tabletNotConnected')}
              >
                {connected ? (
                  <IconDeviceTablet
                    size={22}
                    color="var(--mantine-color-teal-8)"
                    aria-label={t('attendance.tabletConnected')}
                  />
                ) : (
                  <IconDeviceTabletOff
                    size={22}
                    color="var(--mantine-color-gray-6)"
                    aria-label={t('attendance.tabletNotConnected')}
                  />
                )}
              </Tooltip>
              <Stack gap={2} flex={1} miw={0}>
                <Text size="sm" fw={600} truncate>
                  {p.user.fullName}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {t(`meetings.role.${p.role}`)}
                  {isVotingRole(p.role) ? '' : ` · ${t('attendance.notCounted')}`}
                  {detail ? ` · ${detail}` : ''}
                </Text>
                {/* Under the name, so a phone's narrow row still shows the name in full. */}
                <Badge
                  size="sm"
                  color={STATUS_COLOR[status]}
                  variant={isPresentStatus(r?.status) ? 'filled' : 'light'}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t(`attendance.status.${status}`)}
                </Badge>
              </Stack>
              {canMark && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      size="lg"
                      aria-label={t('attendance.markFor', { name: p.user.fullName })}
                      data-testid={`attendance-menu-${p.user.username}`}
                    >
                      <IconDotsVertical size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => mark(p, 'present_room')} data-testid="mark-present_room">
                      {t('attendance.mark.present_room')}
                    </Menu.Item>
                    <Menu.Item onClick={() => mark(p, 'present_online')} data-testid="mark-present_online">
                      {t('attendance.mark.present_online')}
                    </Menu.Item>
                    <Menu.Item onClick={() => mark(p, 'late')} data-testid="mark-late">
                      {t('attendance.mark.late')}
                    </Menu.Item>
                    <Menu.Item onClick={() => setAbsent(p)} data-testid="mark-absent">
                      {t('attendance.mark.absent')}
                    </Menu.Item>
                    <Menu.Item onClick={() => mark(p, 'left')} data-testid="mark-left">
                      {t('attendance.mark.left')}
                    </Menu.Item>
                    {attendance.settings.proxiesAllowed && r?.status === 'absent' && isVotingRole(p.role) && (
                      <Menu.Item onClick={() => setProxyFrom(p)} data-testid="mark-proxy">
                        {t('attendance.mark.proxy')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          );
        })}
      </Stack>
      <Modal
        opened={qrOpen}
        onClose={() => setQrOpen(false)}
        title={t('attendance.qrTitle')}
        size="auto"
        centered
      >
        <Stack align="center" gap="sm">
          {qrOpen && <CheckInQrCode meetingId={snapshot.meeting.id} size={320} />}
          <Text size="sm" ta="center" maw={320}>
            {t('attendance.qrHint')}
          </Text>
        </Stack>
      </Modal>
      <AbsenceModal
        participant={absent}
        onClose={() => setAbsent(null)}
        onSubmit={(fields) => run(() => commands.mark({ status: 'absent', ...fields }))}
      />
      <ProxyModal
        from={proxyFrom}
        snapshot={snapshot}
        onClose={() => setProxyFrom(null)}
        onSubmit={(from, to) => run(() => commands.setProxy(from, to))}
      />
      <AttendanceSettingsModal
        opened={settingsOpen}
        settings={attendance.settings}
        onClose={() => setSettingsOpen(false)}
        onSubmit={(fields) => run(() => commands.configure(fields))}
      />
    </Paper>
  );
}
