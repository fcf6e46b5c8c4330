import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  canReadDocument,
  checkManageDocuments,
  type AgendaItem,
  type MeetingActor,
  type MeetingDocument,
  type MeetingStatus,
} from '@phonghop/common';
import { IconBook, IconPresentation, IconUpload, IconVersions } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import { AccessBadge, currentVersion, VersionStatus } from './DocumentBadges';
import { DocumentUploadModal } from './DocumentUploadModal';
import { prefetchReader } from './LazyDocumentReader';

export interface DocumentsPanelProps {
  meetingId: string;
  status: MeetingStatus;
  documents: readonly MeetingDocument[];
  agenda: readonly AgendaItem[];
  participants: readonly { userId: string; user: { fullName: string } }[];
  actor: MeetingActor & { userId: string };
  onRead: (document: MeetingDocument) => void;
  /** Shown in the room for those who may present (live meeting). */
  onPresent?: (document: MeetingDocument) => void;
}

/**
 * A meeting's documents, grouped: the meeting's own, then per agenda item in agenda order. Each
 * shows its kind, version, conversion status and who may read it. The secretary and the chair
 * upload documents and new versions here.
 */
export function DocumentsPanel(props: DocumentsPanelProps) {
  const { meetingId, status, documents, agenda, participants, actor } = props;
  const { t } = useTranslation();
  const [upload, setUpload] = useState<{ document: MeetingDocument | null } | null>(null);
  const canManage = checkManageDocuments(status, actor).ok;
  // A document this person can open in pdf.js is listed: get the reader ready before the tap.
  const willRead = documents.some(
    (d) =>
      d.accessLevel !== 'confidential' && canReadDocument(d, actor) && currentVersion(d).status === 'ready',
  );
  useEffect(() => {
    if (willRead) prefetchReader();
  }, [willRead]);

  const groups: { key: string; title: string; docs: MeetingDocument[] }[] = [
    { key: 'meeting', title: t('documentList.meetingWide'), docs: documents.filter((d) => !d.agendaItemId) },
    ...agenda.map((item) => ({
      key: item.id,
      title: t('documentList.itemTitle', { position: item.position, title: item.title }),
      docs: documents.filter((d) => d.agendaItemId === item.id),
    })),
  ].filter((g) => g.docs.length > 0);

  return (
    <Paper withBorder radius="md" p="md" data-testid="documents-panel">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('documentList.title')}
        </Title>
        {canManage && (
          <Button
            leftSection={<IconUpload size={18} />}
            onClick={() => setUpload({ document: null })}
            data-testid="document-upload-open"
          >
            {t('documentList.upload')}
          </Button>
        )}
      </Group>
      {groups.length === 0 ? (
        <Text c="gray.8" size="sm">
          {t('documentList.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map((group) => (
            <section key={group.key} aria-label={group.title}>
              <Text size="sm" fw={700} c="gray.8" mb={4}>
                {group.title}
              </Text>
              <Stack gap="xs">
                {group.docs.map((doc) => (
                  <DocumentRow
                    key={doc.id}
                    document={doc}
                    {...props}
                    canManage={canManage}
                    onNewVersion={() => setUpload({ document: doc })}
                  />
                ))}
              </Stack>
            </section>
          ))}
        </Stack>
      )}
      {upload && (
        <DocumentUploadModal
          meetingId={meetingId}
          agenda={agenda}
          participants={participants}
          document={upload.document}
          onClose={() => setUpload(null)}
        />
      )}
    </Paper>
  );
}

function DocumentRow({
  document,
  actor,
  onRead,
  onPresent,
  canManage,
  onNewVersion,
}: DocumentsPanelProps & { document: MeetingDocument; canManage: boolean; onNewVersion: () => void }) {
  const { t } = useTranslation();
  const version = currentVersion(document);
  const readable = canReadDocument(document, actor);
  const ready = version.status === 'ready';
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="document-row" data-document-id={document.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="document-title">
            {document.title}
          </Text>
          <Group gap={6}>
            <Badge variant="outline" color="gray" c="gray.9">
              {t(`documentList.kind.${document.kind}`)}
            </Badge>
            <Badge variant="light" color="blue" c="blue.9" data-testid="document-version">
              {t('documentList.version', { number: version.number })}
            </Badge>
            <AccessBadge document={document} />
          </Group>
        </Group>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <VersionStatus version={version} />
            {document.commentDeadline && (
              <Text size="xs" c="gray.8">
                {t('documentList.commentDeadline', { at: formatDateTime(document.commentDeadline) })}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {canManage && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconVersions size={16} />}
                onClick={onNewVersion}
                data-testid="document-new-version"
              >
                {t('documentList.newVersion')}
              </Button>
            )}
            {onPresent && ready && readable && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPresentation size={16} />}
                onClick={() => onPresent(document)}
                data-testid="document-present"
              >
                {t('presentation.present')}
              </Button>
            )}
            {readable ? (
              <Button
                size="xs"
                leftSection={<IconBook size={16} />}
                disabled={!ready}
                onClick={() => {
                  performance.mark('reader:tap');
                  onRead(document);
                }}
                data-testid="document-read"
              >
                {t('documentList.read')}
              </Button>
            ) : (
              <Text size="xs" c="gray.8" data-testid="document-no-access">
                {t('documentList.noAccess')}
              </Text>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
