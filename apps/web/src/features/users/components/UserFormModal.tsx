import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  type SystemRole,
  type User,
} from '@phonghop/common';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../lib/api-error';
import { fieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';
import { PasswordField } from './PasswordField';

interface UserFormValues {
  username: string;
  fullName: string;
  title: string;
  unit: string;
  email: string;
  phone: string;
  systemRole: SystemRole;
  canOrganise: boolean;
  password: string;
}

const EMPTY: UserFormValues = {
  username: '',
  fullName: '',
  title: '',
  unit: '',
  email: '',
  phone: '',
  systemRole: 'member',
  canOrganise: false,
  password: '',
};

function valuesOf(user: User | null): UserFormValues {
  if (!user) return EMPTY;
  return { ...EMPTY, ...user, email: user.email ?? '', phone: user.phone ?? '' };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Create a user (with a first password) or edit one; checked against the contract schemas first. */
export function UserFormModal({
  opened,
  user,
  onClose,
}: {
  opened: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [values, setValues] = useState<UserFormValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const editing = user !== null;

  useEffect(() => {
    if (opened) {
      setValues(valuesOf(user));
      setErrors({});
    }
  }, [opened, user]);

  const field = (name: Exclude<keyof UserFormValues, 'canOrganise'>) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors(({ [name]: _fixed, ...rest }) => rest);
    },
  });

  /** Validates with the contract schema, then sends; null when the form has errors. */
  const send = (): Promise<User> | null => {
    const common = {
      fullName: values.fullName,
      title: values.title,
      unit: values.unit,
      email: orNull(values.email),
      phone: orNull(values.phone),
      systemRole: values.systemRole,
      canOrganise: values.canOrganise,
    };
    if (user) {
      const parsed = UpdateUserRequestSchema.safeParse(common);
      if (!parsed.success) return (setErrors(fieldErrors(parsed.error, t)), null);
      return update.mutateAsync({ id: user.id, body: parsed.data });
    }
    const parsed = CreateUserRequestSchema.safeParse({
      ...common,
      username: values.username.trim(),
      password: values.password,
    });
    if (!parsed.success) return (setErrors(fieldErrors(parsed.error, t)), null);
    return create.mutateAsync(parsed.data);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pending = send();
    if (!pending) return;
    try {
      await pending;
      notifications.show({ color: 'teal', message: editing ? t('users.saved') : t('users.created') });
      onClose();
    } catch (err) {
      if (errorCodeOf(err) === 'USERNAME_TAKEN') setErrors({ username: errorMessage(err) });
      else notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={editing ? t('users.editTitle') : t('users.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            {editing ? (
              <TextInput label={t('users.fields.username')} value={user.username} readOnly disabled />
            ) : (
              <TextInput
                name="username"
                label={t('users.fields.username')}
                placeholder={t('users.fields.usernameHint')}
                required
                autoCapitalize="none"
                autoComplete="off"
                {...field('username')}
              />
            )}
            <TextInput name="fullName" label={t('users.fields.fullName')} required {...field('fullName')} />
            <TextInput name="title" label={t('users.fields.title')} {...field('title')} />
            <TextInput name="unit" label={t('users.fields.unit')} {...field('unit')} />
            <TextInput name="email" type="email" label={t('users.fields.email')} {...field('email')} />
            <TextInput name="phone" type="tel" label={t('users.fields.phone')} {...field('phone')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="md" fw={500}>
              {t('users.fields.systemRole')}
            </Text>
            <SegmentedControl
              value={values.systemRole}
              onChange={(value) => setValues((v) => ({ ...v, systemRole: value as SystemRole }))}
              data={[
                { value: 'member', label: t('users.role.member') },
                { value: 'admin', label: t('users.role.admin') },
              ]}
            />
          </Stack>
          <Switch
            size="md"
            label={t('organiser.label')}
            description={t('organiser.description')}
            // A system admin always may organise; the switch is for the others.
            checked={values.canOrganise || values.systemRole === 'admin'}
            disabled={values.systemRole === 'admin'}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, canOrganise: checked }));
            }}
            data-testid="user-can-organise"
          />
          {!editing && (
            <PasswordField
              label={t('users.fields.password')}
              value={values.password}
              error={errors.password}
              onChange={(password) => {
                setValues((v) => ({ ...v, password }));
                setErrors(({ password: _fixed, ...rest }) => rest);
              }}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              data-testid="user-form-submit"
            >
              {editing ? t('common.save') : t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
