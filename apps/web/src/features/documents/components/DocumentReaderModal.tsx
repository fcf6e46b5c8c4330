import { Badge, Button, CloseButton, Group, Modal, Select, Switch, Text } from '@mantine/core';
import type { MeetingDocument, Presentation } from '@phonghop/common';
import { IconNotes, IconPlayerStop, IconPresentation } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HighlightLayer } from '../../document-notes/components/HighlightLayer';
import { currentVersion } from './DocumentBadges';
import { LazyDocumentReader as DocumentReader } from './LazyDocumentReader';
import { ReaderNotes } from './ReaderNotes';

export interface PresentingControls {
  presentation: Presentation | null;
  /** My user id (am I the one presenting?). */
  me: string;
  /** May I present (chair, the current item's presenter), the meeting being live. */
  canPresent: boolean;
  following: boolean;
  setFollowing: (following: boolean) => void;
  present: (documentId: string, versionId: string, page: number) => Promise<void>;
  turnPage: (page: number) => void;
  stop: () => Promise<void>;
}

/**
 * The reader over the whole screen (a tablet reads nothing else meanwhile), with the version
 * picker and, in the room, the presentation controls: the presenter's "present / stop" (their page
 * turns are sent as they read), and everyone else's "follow the presenter" switch.
 */
export function DocumentReaderModal({
  meetingId,
  document,
  versionId,
  onClose,
  presenting,
}: {
  meetingId: string;
  document: MeetingDocument;
  versionId?: string;
  onClose: () => void;
  presenting?: PresentingControls;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(versionId ?? currentVersion(document).id);
  const version = document.versions.find((v) => v.id === chosen) ?? currentVersion(document);
  const page = useRef(1);
  const [notesOpen, setNotesOpen] = useState(false);
  const [askedPage, setAskedPage] = useState<{ page: number; key: string } | null>(null);

  const shown = presenting?.presentation;
  const presentingThis = !!shown && shown.documentId === document.id && shown.versionId === version.id;
  const iPresent = presentingThis && shown.presenterId === presenting?.me;
  const followingThis = presentingThis && !iPresent && !!presenting?.following;

  const followed = useMemo(
    () => (followingThis && shown ? { page: shown.page, key: shown.pageAt } : null),
    [followingThis, shown],
  );
  // Following wins; otherwise a page asked for from the notes.
  const goTo = followed ?? askedPage;

  const onPageChange = (p: number) => {
    page.current = p;
    if (iPresent) presenting?.turnPage(p);
  };

  const controls = presenting && (
    <Group gap="xs" wrap="nowrap">
      {iPresent ? (
        <>
          <Badge color="red" variant="filled" data-testid="presenting-badge">
            {t('presentation.youPresent')}
          </Badge>
          <Button
            size="xs"
            color="red"
            variant="light"
            c="red.9"
            leftSection={<IconPlayerStop size={16} />}
            onClick={() => void presenting.stop()}
            data-testid="presentation-stop"
          >
            {t('presentation.stop')}
          </Button>
        </>
      ) : presentingThis ? (
        <Switch
          checked={presenting.following}
          onChange={(e) => presenting.setFollowing(e.currentTarget.checked)}
          label={t('presentation.follow')}
          data-testid="presentation-follow"
        />
      ) : presenting.canPresent && version.status === 'ready' ? (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPresentation size={16} />}
          onClick={() => void presenting.present(document.id, version.id, page.current)}
          data-testid="presentation-start"
        >
          {t('presentation.present')}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      withCloseButton={false}
      padding={0}
      data-testid="document-reader-modal"
      aria-label={document.title}
      styles={{ body: { height: '100dvh', display: 'flex', flexDirection: 'column' } }}
    >
      <Group
        justify="space-between"
        wrap="nowrap"
        px="sm"
        py={6}
        gap="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Text fw={700} lineClamp={1} style={{ minWidth: 0 }} data-testid="reader-title">
          {document.title}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {document.versions.length > 1 && (
            <Select
              size="xs"
              w={150}
              aria-label={t('reader.version')}
              data={document.versions.map((v) => ({
                value: v.id,
                label:
                  v.id === document.currentVersionId
                    ? t('reader.versionCurrent', { number: v.number })
                    : t('documentList.version', { number: v.number }),
              }))}
              value={version.id}
              onChange={(v) => v && setChosen(v)}
              allowDeselect={false}
              data-testid="reader-version"
            />
          )}
          <CloseButton
            size="lg"
            aria-label={t('common.close')}
            onClick={onClose}
            data-testid="reader-close"
          />
        </Group>
      </Group>
      <div style={{ flex: 1, minHeight: 0 }}>
        <DocumentReader
          key={version.id}
          meetingId={meetingId}
          document={document}
          version={version}
          goTo={goTo}
          onPageChange={onPageChange}
          toolbar={
            <Group gap="xs" wrap="nowrap">
              {controls}
              {/* private notes (docs-notes) */}
              <Button
                size="xs"
                variant={notesOpen ? 'filled' : 'default'}
                leftSection={<IconNotes size={16} />}
                aria-pressed={notesOpen}
                onClick={() => setNotesOpen((o) => !o)}
                data-testid="reader-notes-toggle"
              >
                {t('reader.notes')}
              </Button>
            </Group>
          }
          pageOverlay={(p, width, height) => (
            <HighlightLayer
              meetingId={meetingId}
              documentId={document.id}
              page={p}
              width={width}
              height={height}
            />
          )}
          aside={
            notesOpen
              ? (current) => (
                  <ReaderNotes
                    meetingId={meetingId}
                    document={document}
                    page={current}
                    onGoToPage={(p) => setAskedPage({ page: p, key: `${p}:${Date.now()}` })}
                  />
                )
              : undefined
          }
        />
      </div>
    </Modal>
  );
}
