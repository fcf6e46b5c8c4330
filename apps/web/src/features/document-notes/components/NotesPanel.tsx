/**
 * NotesPanel — the reader's private notes and highlights on one document, page by page.
 *
 * Usage (beside the reader, e.g. in a drawer on a phone):
 *   <NotesPanel meetingId={m} documentId={d} page={currentPage} onGoToPage={(p) => reader.goTo(p)} />
 * Shows the notes of `page` (or of all pages), adds a note to `page`, edits and deletes. Changes
 * appear at once on the reader's other devices (pushed to their own sockets only).
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MAX_NOTE_BODY, NOTE_COLORS, type DocumentNote, type NoteColor } from '@phonghop/common';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDocumentNotes } from '../hooks/use-document-notes';
import { HIGHLIGHT_FILL } from './HighlightLayer';

export interface NotesPanelProps {
  meetingId: string;
  documentId: string;
  /** The page the reader shows now (1-based): new notes go there. */
  page: number;
  /** Optional: clicking a note's page label asks the reader to go there. */
  onGoToPage?: (page: number) => void;
}

export function NotesPanel({ meetingId, documentId, page, onGoToPage }: NotesPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const notes = useDocumentNotes(meetingId, documentId);
  const [scope, setScope] = useState<'page' | 'all'>('page');
  const [draft, setDraft] = useState('');
  const shown = scope === 'page' ? notes.onPage(page) : notes.notes;

  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });
  const add = async () => {
    const body = draft.trim();
    if (!body) return;
    try {
      await notes.create({ kind: 'note', page, body });
      setDraft('');
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Stack gap="sm" data-testid="notes-panel">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h4">
          {t('documentNotes.notes.title')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('documentNotes.notes.scopeLabel')}
          value={scope}
          onChange={(v) => setScope(v as 'page' | 'all')}
          data={[
            { value: 'page', label: t('documentNotes.notes.thisPage') },
            { value: 'all', label: t('documentNotes.notes.allPages') },
          ]}
        />
      </Group>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="dimmed">
          {t('documentNotes.notes.privateHint')}
        </Text>
      </Group>
      <Textarea
        label={t('documentNotes.notes.newLabel', { page })}
        placeholder={t('documentNotes.notes.placeholder')}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        maxLength={MAX_NOTE_BODY}
        autosize
        minRows={2}
        maxRows={6}
      />
      <Group justify="flex-end">
        <Button onClick={() => void add()} disabled={!draft.trim()} loading={notes.busy}>
          {t('documentNotes.notes.add')}
        </Button>
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {scope === 'page' ? t('documentNotes.notes.none') : t('documentNotes.notes.noneAll')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((n) => (
            <li key={n.id}>
              <NoteCard note={n} notes={notes} onGoToPage={onGoToPage} onError={fail} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NoteCard({
  note,
  notes,
  onGoToPage,
  onError,
}: {
  note: DocumentNote;
  notes: ReturnType<typeof useDocumentNotes>;
  onGoToPage?: (page: number) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body ?? '');
  const [color, setColor] = useState<NoteColor | null>(note.color);

  const save = async () => {
    try {
      const text = body.trim();
      await notes.update(note.id, {
        body: text ? text : note.kind === 'note' ? undefined : null,
        ...(note.kind === 'highlight' && color && color !== note.color ? { color } : {}),
      });
      setEditing(false);
    } catch (err) {
      onError(err);
    }
  };
  const remove = async () => {
    try {
      await notes.remove(note.id);
    } catch (err) {
      onError(err);
    }
  };
  const pageLabel = t('documentNotes.notes.page', { page: note.page });

  return (
    <Paper withBorder p="sm" radius="md" data-testid="note-card">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap="xs" wrap="wrap">
          {note.kind === 'highlight' && note.color && (
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                borderRadius: 3,
                background: HIGHLIGHT_FILL[note.color],
                border: '1px solid #868e96',
              }}
            />
          )}
          <Badge variant="light" color={note.kind === 'note' ? 'blue' : 'gray'} c="dark.7">
            {note.kind === 'note' ? t('documentNotes.notes.note') : t('documentNotes.notes.highlight')}
          </Badge>
          {onGoToPage ? (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onGoToPage(note.page)}
              aria-label={t('documentNotes.notes.goToPage', { page: note.page })}
            >
              {pageLabel}
            </Button>
          ) : (
            <Text size="sm" fw={500}>
              {pageLabel}
            </Text>
          )}
        </Group>
        {!editing && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              onClick={() => setEditing(true)}
              aria-label={t('documentNotes.notes.editLabel')}
            >
              <IconPencil size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => void remove()}
              aria-label={t('documentNotes.notes.deleteLabel', { page: note.page })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {note.quote && (
        <Text size="sm" fs="italic" mt={6} style={{ borderLeft: '3px solid #adb5bd', paddingLeft: 8 }}>
          {note.quote}
        </Text>
      )}
      {editing ? (
        <Stack gap="xs" mt="xs">
          <Textarea
            aria-label={t('documentNotes.notes.editLabel')}
            placeholder={
              note.kind === 'note'
                ? t('documentNotes.notes.placeholder')
                : t('documentNotes.notes.remarkPlaceholder')
            }
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            maxLength={MAX_NOTE_BODY}
            autosize
            minRows={2}
          />
          {note.kind === 'highlight' && (
            <Select
              label={t('documentNotes.notes.colorLabel')}
              value={color}
              onChange={(v) => setColor(v as NoteColor)}
              data={NOTE_COLORS.map((c) => ({ value: c, label: t(`documentNotes.colors.${c}`) }))}
              allowDeselect={false}
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('documentNotes.notes.cancel')}
            </Button>
            <Button
              onClick={() => void save()}
              disabled={note.kind === 'note' && !body.trim()}
              loading={notes.busy}
            >
              {t('documentNotes.notes.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        note.body && (
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.body}
          </Text>
        )
      )}
    </Paper>
  );
}
