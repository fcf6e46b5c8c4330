import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CreatedDisplaySchema, DisplayTokenSchema, type CreatedDisplay } from '@phonghop/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { formatDateTime } from '../../lib/time';
import { useErrorMessage } from '../../lib/use-error-message';

const listKey = (meetingId: string) => ['meetings', meetingId, 'displays'];

/**
 * Admins only: create a room display's link for this meeting (its token is shown once), copy it,
 * and revoke displays. The server refuses everyone else anyway.
 */
export function DisplayTokensPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedDisplay | null>(null);
  const list = useQuery({
    queryKey: listKey(meetingId),
    queryFn: () => api.get(`/meetings/${meetingId}/displays`, { schema: z.array(DisplayTokenSchema) }),
  });
  const onError = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });
  const create = useMutation({
    mutationFn: () =>
      api.post(`/meetings/${meetingId}/displays`, {
        body: label.trim() ? { label: label.trim() } : {},
        schema: CreatedDisplaySchema,
      }),
    onSuccess: (result) => {
      setCreated(result);
      setLabel('');
      void queryClient.invalidateQueries({ queryKey: listKey(meetingId) });
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (displayId: string) =>
      api.post(`/meetings/${meetingId}/displays/${displayId}/revoke`, { schema: DisplayTokenSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKey(meetingId) }),
    onError,
  });
  const url = created ? `${window.location.origin}${created.url}` : '';

  return (
    <Paper withBorder p="md" data-testid="display-tokens">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('display.admin.title')}
        </Title>
        <Text size="sm">{t('display.admin.hint')}</Text>
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label={t('display.admin.label')}
            placeholder={t('display.admin.labelPlaceholder')}
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('display.admin.create')}
          </Button>
        </Group>
        {created && (
          <Stack gap={6}>
            <TextInput label={t('display.admin.created')} value={url} readOnly data-testid="display-url" />
            <Group gap="sm">
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('display.admin.copied') : t('display.admin.copy')}
                  </Button>
                )}
              </CopyButton>
              <Anchor href={created.url} target="_blank" rel="noopener noreferrer">
                {t('display.admin.open')}
              </Anchor>
            </Group>
          </Stack>
        )}
        {list.data && list.data.length === 0 && <Text size="sm">{t('display.admin.none')}</Text>}
        {list.data?.map((d) => (
          <Group key={d.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text fw={600}>{d.label ?? t('display.admin.unnamed')}</Text>
              <Text size="sm">{t('display.admin.createdAt', { time: formatDateTime(d.createdAt) })}</Text>
            </Stack>
            {d.revokedAt ? (
              <Badge color="gray" variant="light" c="dark.7">
                {t('display.admin.revoked')}
              </Badge>
            ) : (
              <Button
                size="xs"
                color="red"
                variant="outline"
                loading={revoke.isPending && revoke.variables === d.id}
                onClick={() => revoke.mutate(d.id)}
              >
                {t('display.admin.revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
