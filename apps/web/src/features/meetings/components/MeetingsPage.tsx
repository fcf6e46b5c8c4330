import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingList } from './MeetingList';

const VIEWS = ['today', 'upcoming', 'past', 'calendar'] as const;
type MeetingsView = (typeof VIEWS)[number];

/** "My meetings": today, upcoming, past, or the week/month calendar (the view is kept in the URL). */
export function MeetingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: MeetingsView = VIEWS.find((v) => v === params.get('view')) ?? 'upcoming';

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('meetings.title')}
        </Title>
        <Button
          component={Link}
          to="/meetings/new"
          leftSection={<IconPlus size={20} />}
          data-testid="meeting-new"
        >
          {t('meetings.new')}
        </Button>
      </Group>
      <SegmentedControl
        fullWidth
        value={view}
        onChange={(value) => setParams({ view: value }, { replace: true })}
        data={VIEWS.map((v) => ({ value: v, label: t(`meetings.views.${v}`) }))}
        data-testid="meetings-view"
      />
      {view === 'calendar' ? <MeetingCalendar /> : <MeetingList scope={view} />}
    </Stack>
  );
}
