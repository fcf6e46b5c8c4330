import { Button, Group, ScrollArea, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMayOrganise } from '../../auth/hooks/use-session';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingList } from './MeetingList';

const VIEWS = ['today', 'upcoming', 'past', 'calendar'] as const;
type MeetingsView = (typeof VIEWS)[number];

/** "My meetings": today, upcoming, past, or the week/month calendar (the view is kept in the URL). */
export function MeetingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: MeetingsView = VIEWS.find((v) => v === params.get('view')) ?? 'upcoming';
  // Only organisers (thư ký) and admins create meetings: nobody else sees the button.
  const mayOrganise = useMayOrganise();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">
          {t('meetings.title')}
        </Title>
        {mayOrganise && (
          <Button
            component={Link}
            to="/meetings/new"
            leftSection={<IconPlus size={20} />}
            data-testid="meeting-new"
          >
            {t('meetings.new')}
          </Button>
        )}
      </Group>
      {/* Scrolls sideways rather than cutting labels off on a narrow phone. */}
      <ScrollArea type="never" offsetScrollbars={false}>
        <SegmentedControl
          fullWidth
          miw={340}
          value={view}
          onChange={(value) => setParams({ view: value }, { replace: true })}
          data={VIEWS.map((v) => ({ value: v, label: t(`meetings.views.${v}`) }))}
          data-testid="meetings-view"
        />
      </ScrollArea>
      {view !== 'calendar' && (
        <TextInput
          type="search"
          aria-label={t('meetings.search')}
          placeholder={t('meetings.searchPlaceholder')}
          leftSection={<IconSearch size={20} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="meetings-search"
        />
      )}
      {view === 'calendar' ? <MeetingCalendar /> : <MeetingList scope={view} q={q} />}
    </Stack>
  );
}
