import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { AttendanceSettings, Quorum } from '@phonghop/common';
import { useTranslation } from 'react-i18next';

/** The quorum at a glance: counted of required, reached or not, and the rule in words. */
export function QuorumSummary({ quorum, settings }: { quorum: Quorum; settings: AttendanceSettings }) {
  const { t } = useTranslation();
  const rule = t(settings.quorumAtLeast ? 'attendance.ruleAtLeast' : 'attendance.ruleMoreThan', {
    fraction: `${settings.quorumNumerator}/${settings.quorumDenominator}`,
  });
  return (
    <Stack gap={6} data-testid="quorum" data-reached={quorum.reached} data-counted={quorum.counted}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={700} size="lg">
          {t('attendance.counted', { counted: quorum.counted, expected: quorum.expected })}
        </Text>
        <Badge size="lg" color={quorum.reached ? 'teal' : 'red'} variant="filled">
          {quorum.reached ? t('attendance.quorumReached') : t('attendance.quorumMissing')}
        </Badge>
      </Group>
      <Progress
        value={quorum.expected === 0 ? 0 : (100 * quorum.counted) / quorum.expected}
        color={quorum.reached ? 'teal' : 'red'}
        size="md"
        aria-label={t('attendance.quorum')}
      />
      <Text size="sm" c="dimmed">
        {t('attendance.required', { required: quorum.required })} · {rule}
        {quorum.proxies > 0 ? ` · ${t('attendance.proxiesCounted', { count: quorum.proxies })}` : ''}
        {quorum.presentOnline > 0 ? ` · ${t('attendance.onlineCount', { count: quorum.presentOnline })}` : ''}
      </Text>
    </Stack>
  );
}
