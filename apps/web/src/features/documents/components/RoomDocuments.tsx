import { Button, Group, Paper, Text } from '@mantine/core';
import {
  canPresent,
  canReadDocument,
  followedPage,
  type MeetingActor,
  type MeetingDocument,
  type MeetingSnapshot,
} from '@phonghop/common';
import { IconPresentation } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFollowing, usePresenter } from '../hooks/use-presentation';
import { DocumentReaderModal } from './DocumentReaderModal';
import { DocumentsPanel } from './DocumentsPanel';
import { currentVersion } from './DocumentBadges';

/**
 * The documents in the live room: the list (the current item's documents first), the reader, and
 * follow-the-presenter. When a presentation starts, a participant who follows (the default) sees
 * the reader open at the presenter's page and turn with it; closing the reader or switching
 * "follow" off stops following, the banner brings them back. A participant who may not read the
 * presented document is told so and gets no pages.
 */
export function RoomDocuments({
  snapshot,
  actor,
  live,
}: {
  snapshot: MeetingSnapshot;
  actor: MeetingActor & { userId: string };
  live: boolean;
}) {
  const { t } = useTranslation();
  const { meeting, agenda, participants, presentation } = snapshot;
  const documents = snapshot.documents;
  const { following, setFollowing } = useFollowing();
  const presenter = usePresenter(meeting.id, presentation);
  const [open, setOpen] = useState<{ document: MeetingDocument; versionId?: string } | null>(null);
  const mayPresent = live && meeting.status === 'live' && canPresent(actor, agenda);

  const presented = presentation ? (documents.find((d) => d.id === presentation.documentId) ?? null) : null;
  const readable = (id: string) => {
    const doc = documents.find((d) => d.id === id);
    return !!doc && canReadDocument(doc, actor);
  };
  const follow = followedPage(presentation, following, readable);

  // A new presentation (or a new document presented) opens the reader of those who follow.
  const lastStarted = useRef<string | null>(null);
  useEffect(() => {
    const started = presentation
      ? `${presentation.documentId}:${presentation.versionId}:${presentation.startedAt}`
      : null;
    if (started === lastStarted.current) return;
    lastStarted.current = started;
    if (presentation && presented && follow && presentation.presenterId !== actor.userId) {
      setOpen({ document: presented, versionId: presentation.versionId });
    }
  }, [presentation, presented, follow, actor.userId]);

  const present = async (document: MeetingDocument) => {
    const version = currentVersion(document);
    await presenter.present(document.id, version.id, 1);
    setOpen({ document, versionId: version.id });
  };

  const closeReader = () => {
    // Closing the reader of the presented document means: stop following.
    if (presentation && open?.document.id === presentation.documentId) setFollowing(false);
    setOpen(null);
  };

  const presenterName = presentation
    ? (participants.find((p) => p.userId === presentation.presenterId)?.user.fullName ?? '')
    : '';
  const current = agenda.find((i) => i.status === 'active');
  const ordered = current
    ? [...documents].sort(
        (a, b) => Number(b.agendaItemId === current.id) - Number(a.agendaItemId === current.id),
      )
    : documents;

  return (
    <>
      {presentation && (
        <Paper
          withBorder
          radius="md"
          p="sm"
          bg="blue.0"
          data-testid="presentation-banner"
          data-page={presentation.page}
        >
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconPresentation size={20} aria-hidden />
              <Text size="sm" c="blue.9" style={{ minWidth: 0 }}>
                {presented
                  ? t('presentation.banner', {
                      name: presenterName,
                      title: presented.title,
                      page: presentation.page,
                    })
                  : t('presentation.bannerUnknown', { name: presenterName })}
              </Text>
            </Group>
            {presented &&
              presentation.presenterId !== actor.userId &&
              (readable(presented.id) ? (
                <Button
                  size="xs"
                  onClick={() => {
                    setFollowing(true);
                    setOpen({ document: presented, versionId: presentation.versionId });
                  }}
                  data-testid="presentation-follow-open"
                >
                  {t('presentation.followOpen')}
                </Button>
              ) : (
                <Text size="sm" c="gray.9" data-testid="presentation-no-access">
                  {t('presentation.noAccess')}
                </Text>
              ))}
          </Group>
        </Paper>
      )}
      <DocumentsPanel
        meetingId={meeting.id}
        status={meeting.status}
        documents={ordered}
        agenda={agenda}
        participants={participants}
        actor={actor}
        onRead={(document) => setOpen({ document })}
        onPresent={mayPresent ? (document) => void present(document) : undefined}
      />
      {open && (
        <DocumentReaderModal
          key={`${open.document.id}:${open.versionId ?? ''}`}
          meetingId={meeting.id}
          document={documents.find((d) => d.id === open.document.id) ?? open.document}
          versionId={open.versionId}
          onClose={closeReader}
          presenting={{
            presentation,
            me: actor.userId,
            canPresent: mayPresent,
            following,
            setFollowing,
            present: presenter.present,
            turnPage: presenter.turnPage,
            stop: presenter.stop,
          }}
        />
      )}
    </>
  );
}
