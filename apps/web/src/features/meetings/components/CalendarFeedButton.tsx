import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { CalendarFeedUrlResponseSchema } from '@phonghop/common';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';

const feedKey = ['calendar', 'feed-url'] as const;

/** My secret iCalendar address, to subscribe from a phone or desktop calendar; rotate it if it leaked. */
export function CalendarFeedButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarShare size={20} />} onClick={() => setOpened(true)}>
        {t('calendar.feed')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('calendar.feedTitle')}>
        {opened && <FeedUrl />}
      </Modal>
    </>
  );
}

function FeedUrl() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: feedKey,
    queryFn: () => api.get('/calendar/feed-url', { schema: CalendarFeedUrlResponseSchema }),
  });
  const rotate = useMutation({
    mutationFn: () =>
      api.post('/calendar/feed-url/rotate', { schema: CalendarFeedUrlResponseSchema, idempotent: true }),
    onSuccess: (data) => queryClient.setQueryData(feedKey, data),
  });
  const error = feed.error ?? rotate.error;
  // Without PUBLIC_URL a production server answers a path: complete it with the address open here.
  const url = feed.data ? new URL(feed.data.url, window.location.origin).href : '';

  return (
    <Stack gap="md">
      <Text size="sm">{t('calendar.feedBody')}</Text>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <TextInput
        readOnly
        value={url}
        placeholder={t('common.loading')}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Group justify="space-between">
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconRefresh size={18} />}
          loading={rotate.isPending}
          onClick={() => rotate.mutate()}
        >
          {t('calendar.feedRotate')}
        </Button>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              disabled={!feed.data}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              onClick={copy}
            >
              {copied ? t('calendar.copied') : t('calendar.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
