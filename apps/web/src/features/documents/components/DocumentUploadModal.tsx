import {
  Button,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  DOCUMENT_ACCESS_LEVELS,
  DOCUMENT_KINDS,
  type AgendaItem,
  type DocumentAccessLevel,
  type DocumentKind,
  type MeetingDocument,
} from '@phonghop/common';
import { IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WardDateInput } from '../../../components/WardDateTimeInputs';
import { fromWardInputs } from '../../../lib/time';
import { useErrorMessage } from '../../../lib/use-error-message';
import { documentsApi } from '../api/documents-api';

/** What the server accepts (it decides the type from the bytes; this only filters the picker). */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp';

/**
 * Upload a document (title, kind, agenda item, access level with named readers, comment deadline)
 * or a new version of one. The bar shows the bytes really sent (XMLHttpRequest upload progress);
 * an Office file then shows "converting" in the list until the server has made its PDF.
 */
export function DocumentUploadModal({
  meetingId,
  agenda,
  participants,
  document,
  onClose,
}: {
  meetingId: string;
  agenda: readonly AgendaItem[];
  participants: readonly { userId: string; user: { fullName: string } }[];
  /** Given: upload a new version of it. */
  document: MeetingDocument | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('proposal');
  const [itemId, setItemId] = useState<string | null>(null);
  const [access, setAccess] = useState<DocumentAccessLevel>('all');
  const [readers, setReaders] = useState<string[]>([]);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return setError(t('documentUpload.fileRequired'));
    if (!document && !title.trim()) return setError(t('documentUpload.titleRequired'));
    setError(null);
    setProgress(0);
    try {
      if (document) {
        await documentsApi.uploadVersion(meetingId, document.id, file, setProgress);
      } else {
        await documentsApi.upload(
          meetingId,
          {
            title: title.trim(),
            kind,
            accessLevel: access,
            readerIds: access === 'all' ? [] : readers,
            ...(itemId ? { agendaItemId: itemId } : {}),
            ...(deadline ? { commentDeadline: fromWardInputs(deadline, '23:59') ?? undefined } : {}),
          },
          file,
          setProgress,
        );
      }
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      notifications.show({ color: 'teal', message: t('documentUpload.done', { name: file.name }) });
      onClose();
    } catch (err) {
      setProgress(null);
      setError(errorMessage(err));
    }
  };

  const uploading = progress !== null;
  return (
    <Modal
      opened
      onClose={uploading ? () => undefined : onClose}
      title={
        document ? t('documentUpload.newVersionOf', { title: document.title }) : t('documentUpload.title')
      }
      size="lg"
      data-testid="document-upload-modal"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <FileInput
            label={t('documentUpload.file')}
            description={t('documentUpload.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f);
              if (f && !title) setTitle(f.name.replace(/\.[^.]+$/, ''));
            }}
            leftSection={<IconFileUpload size={18} />}
            disabled={uploading}
            required
            data-testid="document-upload-file"
          />
          {!document && (
            <>
              <TextInput
                label={t('documentUpload.docTitle')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                maxLength={300}
                disabled={uploading}
                required
                data-testid="document-upload-title"
              />
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('documentUpload.kind')}
                  data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentList.kind.${k}`) }))}
                  value={kind}
                  onChange={(v) => v && setKind(v as DocumentKind)}
                  allowDeselect={false}
                  disabled={uploading}
                  data-testid="document-upload-kind"
                />
                <Select
                  label={t('documentUpload.agendaItem')}
                  data={[
                    { value: '', label: t('documentList.meetingWide') },
                    ...agenda.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` })),
                  ]}
                  value={itemId ?? ''}
                  onChange={(v) => setItemId(v || null)}
                  allowDeselect={false}
                  disabled={uploading}
                  data-testid="document-upload-item"
                />
              </Group>
              <Select
                label={t('documentUpload.access')}
                data={DOCUMENT_ACCESS_LEVELS.map((a) => ({
                  value: a,
                  label: t(`documentUpload.accessLevel.${a}`),
                }))}
                value={access}
                onChange={(v) => v && setAccess(v as DocumentAccessLevel)}
                allowDeselect={false}
                disabled={uploading}
                data-testid="document-upload-access"
              />
              {access !== 'all' && (
                <MultiSelect
                  label={t('documentUpload.readers')}
                  description={t('documentUpload.readersHint')}
                  data={participants.map((p) => ({ value: p.userId, label: p.user.fullName }))}
                  value={readers}
                  onChange={setReaders}
                  searchable
                  disabled={uploading}
                  data-testid="document-upload-readers"
                />
              )}
              <WardDateInput
                label={t('documentUpload.commentDeadline')}
                description={t('documentUpload.commentDeadlineHint')}
                value={deadline}
                onChange={setDeadline}
                clearable
                disabled={uploading}
              />
            </>
          )}
          {uploading && (
            <Stack gap={4}>
              <Progress.Root size="lg" data-testid="document-upload-progress">
                {/* The section is the progressbar; it carries the name (axe). */}
                <Progress.Section
                  value={Math.round(progress * 100)}
                  animated={progress < 1}
                  aria-label={t('documentUpload.progress')}
                  data-testid="document-upload-progress-bar"
                />
              </Progress.Root>
              <Text size="sm" c="gray.8" aria-live="polite">
                {progress < 1
                  ? t('documentUpload.sending', { percent: Math.round(progress * 100) })
                  : t('documentUpload.checking')}
              </Text>
            </Stack>
          )}
          {error && (
            <Text c="red.9" size="sm" role="alert" data-testid="document-upload-error">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={uploading}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={uploading} data-testid="document-upload-submit">
              {t('documentUpload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
