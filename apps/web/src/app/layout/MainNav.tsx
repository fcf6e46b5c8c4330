import { Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent, IconShieldSearch, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useIsAdmin } from '../../features/auth/hooks/use-session';
import classes from './MainNav.module.css';

interface NavEntry {
  to: string;
  label: string;
  icon: Icon;
  testId: string;
}

/**
 * The navigation rail: icon with a label under it on tablets, beside it on wider screens and in the
 * phone drawer (which `onNavigate` closes, also when the chosen page is the current one).
 */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const entries: NavEntry[] = [
    { to: '/meetings', label: t('nav.meetings'), icon: IconCalendarEvent, testId: 'nav-meetings' },
    ...(isAdmin ? [{ to: '/users', label: t('nav.users'), icon: IconUsers, testId: 'nav-users' }] : []),
    // document copies and leak tracing (issue 10)
    ...(isAdmin
      ? [
          {
            to: '/admin/leak-trace',
            label: t('leakTrace.nav'),
            icon: IconShieldSearch,
            testId: 'nav-leak-trace',
          },
        ]
      : []),
  ];
  return (
    <Stack gap={6} component="nav" aria-label={t('nav.label')}>
      {entries.map(({ to, label, icon: EntryIcon, testId }) => (
        <UnstyledButton
          key={to}
          component={NavLink}
          to={to}
          className={classes.link}
          data-testid={testId}
          onClick={onNavigate}
        >
          <EntryIcon size={26} stroke={1.7} />
          <Text component="span" className={classes.label}>
            {label}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
