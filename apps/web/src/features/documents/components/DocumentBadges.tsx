import { Badge, Group, Loader, Text } from '@mantine/core';
import type { DocumentVersion, MeetingDocument } from '@phonghop/common';
import { IconLock, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Who may read: everyone, named readers, or confidential ("Mật"). Dark text for AA contrast. */
export function AccessBadge({ document }: { document: MeetingDocument }) {
  const { t } = useTranslation();
  const level = document.accessLevel;
  const icon =
    level === 'confidential' ? (
      <IconLock size={12} />
    ) : level === 'named' ? (
      <IconUsers size={12} />
    ) : (
      <IconWorld size={12} />
    );
  return (
    <Badge
      variant="light"
      color={level === 'confidential' ? 'red' : level === 'named' ? 'orange' : 'gray'}
      c={level === 'confidential' ? 'red.9' : level === 'named' ? 'orange.9' : 'gray.9'}
      leftSection={icon}
      data-testid="document-access"
      data-level={level}
    >
      {level === 'named'
        ? t('documentList.access.namedCount', { count: document.readerIds.length })
        : t(`documentList.access.${level}`)}
    </Badge>
  );
}

/** A version's reading copy: converting (spinner), ready, or failed with the reason. */
export function VersionStatus({ version }: { version: DocumentVersion }) {
  const { t } = useTranslation();
  if (version.status === 'converting') {
    return (
      <Group gap={6} data-testid="document-status" data-status="converting">
        <Loader size={14} aria-hidden />
        <Text size="sm" c="blue.9">
          {t('documentList.status.converting')}
        </Text>
      </Group>
    );
  }
  if (version.status === 'failed') {
    return (
      <Text size="sm" c="red.9" data-testid="document-status" data-status="failed">
        {t('documentList.status.failed', {
          reason: t(`documentList.failure.${version.failureReason ?? 'converter_error'}`),
        })}
      </Text>
    );
  }
  return (
    <Text size="sm" c="teal.9" data-testid="document-status" data-status="ready">
      {t('documentList.status.ready', { count: version.pageCount ?? 0 })}
    </Text>
  );
}

export function currentVersion(document: MeetingDocument): DocumentVersion {
  return (
    document.versions.find((v) => v.id === document.currentVersionId) ??
    document.versions[document.versions.length - 1]
  );
}
