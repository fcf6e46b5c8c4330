import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  AddAgendaItemFieldsSchema,
  UpdateAgendaItemFieldsSchema,
  type AddAgendaItemRequest,
  type AgendaItem,
  type Participant,
  type UpdateAgendaItemRequest,
} from '@phonghop/common';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';

interface AgendaItemModalProps {
  participants: Participant[];
  opened: boolean;
  /** null: a new item at the end. */
  item: AgendaItem | null;
  onClose: () => void;
  /** How the item is saved: REST while preparing, a socket command in the live room. */
  onAdd: (fields: AddAgendaItemRequest) => Promise<unknown>;
  onUpdate: (itemId: string, fields: UpdateAgendaItemRequest) => Promise<unknown>;
}

interface ItemValues {
  title: string;
  presenterId: string | null;
  plannedMinutes: number;
  description: string;
}

const EMPTY: ItemValues = { title: '', presenterId: null, plannedMinutes: 15, description: '' };

export function AgendaItemModal(props: AgendaItemModalProps) {
  const { participants, opened, item, onClose, onAdd, onUpdate } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [saving, setSaving] = useState(false);
  const [values, setValues] = useState<ItemValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!opened) return;
    setValues(
      item
        ? {
            title: item.title,
            presenterId: item.presenterId,
            plannedMinutes: item.plannedMinutes,
            description: item.description,
          }
        : EMPTY,
    );
    setErrors({});
  }, [opened, item]);

  const set = <K extends keyof ItemValues>(name: K, value: ItemValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors({});
  };

  const save = (): Promise<unknown> | null => {
    if (item) {
      const parsed = UpdateAgendaItemFieldsSchema.safeParse(values);
      if (!parsed.success) return (setErrors(fieldErrors(parsed.error, t)), null);
      return onUpdate(item.id, parsed.data);
    }
    const parsed = AddAgendaItemFieldsSchema.safeParse(values);
    if (!parsed.success) return (setErrors(fieldErrors(parsed.error, t)), null);
    return onAdd(parsed.data);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pending = save();
    if (!pending) return;
    setSaving(true);
    try {
      await pending;
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={item ? t('agenda.editTitle') : t('agenda.addTitle')}>
      <form onSubmit={submit} noValidate data-testid="agenda-item-form">
        <Stack gap="md">
          <TextInput
            name="title"
            label={t('agenda.fields.title')}
            required
            value={values.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('agenda.fields.presenter')}
              placeholder={t('agenda.fields.noPresenter')}
              clearable
              searchable
              value={values.presenterId}
              onChange={(value) => set('presenterId', value)}
              data={participants.map((p) => ({ value: p.userId, label: p.user.fullName }))}
              data-testid="agenda-presenter"
            />
            <NumberInput
              name="plannedMinutes"
              label={t('agenda.fields.plannedMinutes')}
              min={0}
              max={1440}
              step={5}
              value={values.plannedMinutes}
              error={errors.plannedMinutes}
              onChange={(value) =>
                set('plannedMinutes', typeof value === 'number' ? value : Number(value) || 0)
              }
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('agenda.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="agenda-item-submit">
              {item ? t('common.save') : t('agenda.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
