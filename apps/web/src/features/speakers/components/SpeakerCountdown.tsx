import { Text, type TextProps } from '@mantine/core';
import { speechClock } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../hooks/use-server-clock';

const COLORS = { normal: 'teal.9', warning: 'orange.9', overtime: 'red.8' } as const;

function mmss(totalSeconds: number): string {
  const s = Math.abs(totalSeconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Time left of a speech, counted on this screen against the server's clock; overtime shown as +m:ss. */
export function SpeakerCountdown({
  startedAt,
  limitSeconds,
  ...text
}: { startedAt: string; limitSeconds: number } & TextProps) {
  const { t } = useTranslation();
  const now = useServerNow();
  // Until this screen knows the server's clock, a countdown could be off by its clock's error:
  // show nothing rather than a wrong time.
  if (now === null) {
    return (
      <Text
        component="span"
        fw={800}
        ff="monospace"
        c="gray.7"
        data-testid="speaker-countdown"
        data-phase="syncing"
        {...text}
      >
        –:––
      </Text>
    );
  }
  const clock = speechClock(Date.parse(startedAt), limitSeconds, now);
  const label =
    clock.phase === 'overtime' ? `+${mmss(clock.remainingSeconds)}` : mmss(clock.remainingSeconds);
  return (
    <Text
      component="span"
      fw={800}
      ff="monospace"
      c={COLORS[clock.phase]}
      data-testid="speaker-countdown"
      data-phase={clock.phase}
      data-remaining={clock.remainingSeconds}
      aria-label={t(`speakers.clock.${clock.phase}`, { time: mmss(clock.remainingSeconds) })}
      {...text}
    >
      {label}
    </Text>
  );
}
