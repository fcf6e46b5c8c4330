import { Alert, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSocket } from '../state/socket-context';

/** Grace period before a first connection that is still pending counts as a problem. */
const FIRST_CONNECT_GRACE_MS = 3_000;

/** "Mất kết nối — đang kết nối lại…" while the live connection is down, so nobody trusts a stale screen. */
export function ReconnectBanner() {
  const { t } = useTranslation();
  const { status } = useSocket();
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);

  const visible = status === 'reconnecting' || status === 'offline' || (status === 'connecting' && graceOver);
  if (!visible) return null;
  return (
    <Alert
      color="yellow"
      variant="filled"
      icon={<Loader size={18} color="dark" />}
      role="status"
      data-testid="reconnect-banner"
      data-status={status}
      mb="md"
      pos="sticky"
      top="calc(var(--app-shell-header-height, 68px) + var(--mantine-spacing-xs))"
      style={{ zIndex: 150 }}
      styles={{ message: { color: 'var(--mantine-color-dark-9)', fontWeight: 600 } }}
    >
      {t('realtime.reconnecting')}
    </Alert>
  );
}
