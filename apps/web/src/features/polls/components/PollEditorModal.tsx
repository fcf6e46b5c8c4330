import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AgendaItem } from '@phonghop/common';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { usePollCommands } from '../hooks/use-poll-commands';
import { draftProblems, toDefinition, type PollDraft } from '../state/poll-draft';
import type { MajorityRuleKind, PollKind } from '@phonghop/common';

const KINDS: PollKind[] = ['yes_no_abstain', 'single', 'multiple', 'election'];
const RULES: MajorityRuleKind[] = [
  'more_than_half_present',
  'more_than_half_members',
  'two_thirds_members',
  'custom',
];

/**
 * Prepares a poll (draft): on which agenda item, what kind (tán thành / không tán thành / không
 * biểu quyết, one choice, several choices, an election with seats), named or secret, the rule to
 * pass, whether a ballot may be changed until close and whether a named poll shows its tally live.
 */
export function PollEditorModal({
  meetingId,
  agenda,
  opened,
  initial,
  pollId,
  onClose,
}: {
  meetingId: string;
  agenda: AgendaItem[];
  opened: boolean;
  initial: PollDraft;
  /** Set when editing an existing draft. */
  pollId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const commands = usePollCommands(meetingId);
  const [draft, setDraft] = useState<PollDraft>(initial);
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (opened) {
      setDraft(initial);
      setTried(false);
    }
  }, [opened, initial]);

  const set = <K extends keyof PollDraft>(key: K, value: PollDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problems = draftProblems(draft);
  const shown = tried ? problems : [];
  const needsOptions = draft.kind !== 'yes_no_abstain';

  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      const body = toDefinition(draft);
      if (pollId) await commands.update(pollId, body);
      else await commands.create(body);
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={pollId ? t('polls.editor.editTitle') : t('polls.editor.newTitle')}
      size="lg"
      data-testid="poll-editor"
    >
      <Stack gap="md">
        <TextInput
          label={t('polls.editor.title')}
          placeholder={t('polls.editor.titlePlaceholder')}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={shown.includes('title') ? t('polls.editor.problems.title') : undefined}
          data-testid="poll-title"
          required
        />
        <Select
          label={t('polls.editor.agendaItem')}
          data={agenda.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))}
          value={draft.agendaItemId}
          onChange={(v) => set('agendaItemId', v)}
          clearable
          placeholder={t('polls.editor.noItem')}
          comboboxProps={{ withinPortal: true }}
          data-testid="poll-item"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('polls.editor.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            orientation={window.innerWidth < 600 ? 'vertical' : 'horizontal'}
            data={KINDS.map((k) => ({ value: k, label: t(`polls.kind.${k}`) }))}
            value={draft.kind}
            onChange={(v) => {
              const kind = v as PollKind;
              setDraft((d) => ({
                ...d,
                kind,
                // Personnel votes are secret by practice; the chair may still change it.
                secret: kind === 'election' ? true : d.secret,
                options: kind === 'yes_no_abstain' ? [] : d.options.length >= 2 ? d.options : ['', ''],
              }));
            }}
            data-testid="poll-kind"
          />
        </Stack>
        {needsOptions && (
          <Stack gap="xs" data-testid="poll-options">
            <Text size="sm" fw={500}>
              {draft.kind === 'election' ? t('polls.editor.candidates') : t('polls.editor.options')}
            </Text>
            {draft.options.map((label, index) => (
              <Group key={index} gap="xs" wrap="nowrap">
                <TextInput
                  flex={1}
                  aria-label={t('polls.editor.optionN', { n: index + 1 })}
                  value={label}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, options: d.options.map((o, i) => (i === index ? value : o)) }));
                  }}
                  data-testid={`poll-option-${index}`}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('polls.editor.removeOption', { n: index + 1 })}
                  onClick={() =>
                    setDraft((d) => ({ ...d, options: d.options.filter((_, i) => i !== index) }))
                  }
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setDraft((d) => ({ ...d, options: [...d.options, ''] }))}
              data-testid="poll-add-option"
            >
              {draft.kind === 'election' ? t('polls.editor.addCandidate') : t('polls.editor.addOption')}
            </Button>
            {['options', 'candidates', 'duplicate']
              .filter((p) => shown.includes(p))
              .map((p) => (
                <Text key={p} size="sm" c="red.8" role="alert">
                  {t(`polls.editor.problems.${p}`)}
                </Text>
              ))}
          </Stack>
        )}
        {draft.kind === 'multiple' && (
          <NumberInput
            label={t('polls.editor.maxChoices')}
            min={1}
            value={draft.maxChoices}
            onChange={(v) => set('maxChoices', Number(v) || 1)}
            error={shown.includes('maxChoices') ? t('polls.editor.problems.maxChoices') : undefined}
          />
        )}
        {draft.kind === 'election' && (
          <NumberInput
            label={t('polls.editor.seats')}
            min={1}
            value={draft.seats}
            onChange={(v) => set('seats', Number(v) || 1)}
            error={shown.includes('seats') ? t('polls.editor.problems.seats') : undefined}
            data-testid="poll-seats"
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('polls.editor.secrecy')}
          </Text>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'named', label: t('polls.named') },
              { value: 'secret', label: t('polls.secret') },
            ]}
            value={draft.secret ? 'secret' : 'named'}
            onChange={(v) =>
              setDraft((d) => ({
                ...d,
                secret: v === 'secret',
                showLiveTally: false,
                allowChange: v !== 'secret',
              }))
            }
            data-testid="poll-secrecy"
          />
        </Stack>
        <Select
          label={t('polls.editor.rule')}
          data={RULES.map((r) => ({ value: r, label: t(`polls.ruleOption.${r}`) }))}
          value={draft.ruleKind}
          onChange={(v) => v && set('ruleKind', v as MajorityRuleKind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="poll-rule"
        />
        {draft.ruleKind === 'custom' && (
          <Stack gap="xs">
            <Group grow align="flex-start">
              <NumberInput
                label={t('polls.editor.numerator')}
                min={1}
                max={99}
                value={draft.numerator}
                onChange={(v) => set('numerator', Number(v) || 1)}
              />
              <NumberInput
                label={t('polls.editor.denominator')}
                min={1}
                max={100}
                value={draft.denominator}
                onChange={(v) => set('denominator', Number(v) || 1)}
                error={shown.includes('fraction') ? t('polls.editor.problems.fraction') : undefined}
              />
            </Group>
            <SegmentedControl
              fullWidth
              data={[
                { value: 'moreThan', label: t('polls.editor.moreThan') },
                { value: 'atLeast', label: t('polls.editor.atLeast') },
              ]}
              value={draft.atLeast ? 'atLeast' : 'moreThan'}
              onChange={(v) => set('atLeast', v === 'atLeast')}
            />
            <SegmentedControl
              fullWidth
              data={[
                { value: 'voters', label: t('polls.editor.baseVoters') },
                { value: 'members', label: t('polls.editor.baseMembers') },
              ]}
              value={draft.base}
              onChange={(v) => set('base', v as 'voters' | 'members')}
            />
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('polls.editor.ruleHint')}
        </Text>
        <Switch
          label={t('polls.editor.allowChange')}
          description={draft.secret ? t('polls.editor.allowChangeSecret') : undefined}
          checked={!draft.secret && draft.allowChange}
          disabled={draft.secret}
          onChange={(e) => set('allowChange', e.currentTarget.checked)}
          data-testid="poll-allow-change"
        />
        <Switch
          label={t('polls.editor.liveTally')}
          description={draft.secret ? t('polls.editor.liveTallySecret') : undefined}
          checked={!draft.secret && draft.showLiveTally}
          disabled={draft.secret}
          onChange={(e) => set('showLiveTally', e.currentTarget.checked)}
          data-testid="poll-live-tally"
        />
        <NumberInput
          label={t('polls.editor.duration')}
          description={t('polls.editor.durationHint')}
          min={1}
          max={24 * 60}
          value={draft.durationMinutes ?? ''}
          onChange={(v) => set('durationMinutes', v === '' ? null : Number(v) || null)}
          error={shown.includes('duration') ? t('polls.editor.problems.duration') : undefined}
          data-testid="poll-duration"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()} data-testid="poll-save">
            {t('polls.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
