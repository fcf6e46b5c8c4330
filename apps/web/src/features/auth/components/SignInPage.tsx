import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconLock, IconUser } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandMark';
import { session } from '../../../lib/session';
import { useErrorMessage } from '../../../lib/use-error-message';
import { LanguageSwitch } from '../../preferences/components/LanguageSwitch';
import { useSession } from '../hooks/use-session';
import classes from './SignInPage.module.css';

export function SignInPage() {
  const { t } = useTranslation();
  const { status, notice } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'signedIn') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await session.signIn(username.trim(), password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box className={classes.page}>
      <Group className={classes.language}>
        <LanguageSwitch />
      </Group>
      <Center mih="100dvh" p="md">
        <Paper component="form" onSubmit={submit} className={classes.card} shadow="lg" radius="lg" p="xl">
          <Stack gap="lg">
            <BrandMark size="lg" />
            <Title order={2} size="h3">
              {t('signIn.title')}
            </Title>
            {notice && notice !== 'signed_out' && (
              <Alert color="orange" icon={<IconInfoCircle />} data-testid="sign-in-notice">
                {t(`signIn.notice.${notice}`)}
              </Alert>
            )}
            {error && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="sign-in-error">
                {error}
              </Alert>
            )}
            <TextInput
              name="username"
              label={t('signIn.username')}
              leftSection={<IconUser size={20} />}
              size="lg"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              name="password"
              label={t('signIn.password')}
              leftSection={<IconLock size={20} />}
              size="lg"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('a11y.togglePassword') }}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" size="lg" fullWidth loading={submitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
