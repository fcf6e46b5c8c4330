import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCastBallot } from '../hooks/use-cast-ballot';
import { choiceColor, optionLabel } from '../state/labels';
import type { Poll } from '@phonghop/common';
import classes from './Polls.module.css';

/**
 * One ballot on a tablet held in one hand: big buttons to choose, a confirm step, then "Phiếu của
 * đồng chí đã được ghi nhận" with the receipt code once the server has committed it. A ballot sent
 * while the connection is down waits and goes out again with the same key (never a second vote).
 */
export function BallotCard({
  poll,
  userId,
  known,
  proxyName,
  live,
  cast,
}: {
  poll: Poll;
  /** Whose vote this ballot is: mine, or the absent member whose proxy I hold. */
  userId: string;
  /** What the server (poll.mine) says of it: cast or not, and for a named poll its receipt. */
  known: { cast: boolean; receipt: string | null; choices: string[] | null };
  /** The member whose proxy this ballot is, or null for my own. */
  proxyName: string | null;
  live: boolean;
  /** Everyone sees the progress of an open poll (never a choice of a secret one). */
  cast: { cast: number; voters: number };
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const ballot = useCastBallot(poll.meetingId, poll.id, userId, proxyName !== null, known);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [changing, setChanging] = useState(false);
  const max = poll.maxChoices;
  const multi = poll.kind === 'multiple' || poll.kind === 'election';
  const open = poll.status === 'open';
  const testId = proxyName ? `ballot-proxy-${userId}` : 'ballot-self';

  const choose = (optionId: string) => {
    if (!multi) {
      setPicked([optionId]);
      setConfirming(true);
      return;
    }
    setPicked((prev) =>
      prev.includes(optionId)
        ? prev.filter((id) => id !== optionId)
        : prev.length < max
          ? [...prev, optionId]
          : prev,
    );
  };
  const submit = () => {
    setConfirming(false);
    setChanging(false);
    void ballot.cast(picked);
  };
  const restart = () => {
    setPicked([]);
    setConfirming(false);
  };

  const header = (
    <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={700} c={proxyName ? 'grape.9' : 'dimmed'}>
          {proxyName ? t('polls.ballot.proxyFor', { name: proxyName }) : t('polls.ballot.mine')}
        </Text>
        <Title order={3} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {poll.title}
        </Title>
      </Stack>
      <Badge size="lg" color={poll.secret ? 'dark' : 'blue.8'} variant="filled">
        {poll.secret ? t('polls.secret') : t('polls.named')}
      </Badge>
    </Group>
  );

  let body: React.ReactNode;
  if (ballot.phase === 'sending') {
    body = (
      <Stack align="center" gap="sm" py="md" data-testid="ballot-sending">
        {live ? <Loader size="lg" /> : <IconWifiOff size={40} aria-hidden />}
        <Text fw={700} size="lg" ta="center">
          {live ? t('polls.ballot.sending') : t('polls.ballot.waitingNetwork')}
        </Text>
        {!live && (
          <Text size="sm" c="dimmed" ta="center">
            {t('polls.ballot.waitingNetworkHint')}
          </Text>
        )}
      </Stack>
    );
  } else if (ballot.phase === 'done' && !changing) {
    body = (
      <Stack gap="sm" align="center" py="sm" data-testid="ballot-recorded">
        <ThemeIcon size={64} radius="xl" color="teal.8">
          <IconCircleCheck size={44} />
        </ThemeIcon>
        <Text fw={800} size="xl" ta="center" role="status">
          {t('polls.ballot.recorded')}
        </Text>
        {!poll.secret && ballot.choices && (
          <Text ta="center" data-testid="ballot-choice">
            {t('polls.ballot.youChose', {
              choices: ballot.choices.map((id) => optionLabel(t, poll, id)).join(', '),
            })}
          </Text>
        )}
        {ballot.receipt ? (
          <Stack gap={0} align="center">
            <Text size="sm" c="dimmed">
              {t('polls.ballot.receipt')}
            </Text>
            <Text className={classes.receipt} data-testid="ballot-receipt">
              {ballot.receipt}
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              {t('polls.ballot.receiptHint')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" ta="center">
            {t('polls.ballot.castElsewhere')}
          </Text>
        )}
        {open && poll.allowChange && (
          <Button
            variant="default"
            size="lg"
            fullWidth
            onClick={() => {
              setChanging(true);
              restart();
            }}
            data-testid="ballot-change"
          >
            {t('polls.ballot.change')}
          </Button>
        )}
      </Stack>
    );
  } else if (!open) {
    body = (
      <Text c="dimmed" fw={600}>
        {t('polls.ballot.notOpen')}
      </Text>
    );
  } else if (confirming) {
    body = (
      <Stack gap="md" data-testid="ballot-confirm">
        <Text size="lg" fw={600}>
          {t('polls.ballot.confirmQuestion')}
        </Text>
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Stack gap={4}>
            {picked.map((id) => (
              <Text key={id} fw={800} size="xl" style={{ overflowWrap: 'anywhere' }}>
                {optionLabel(t, poll, id)}
              </Text>
            ))}
            {picked.length === 0 && (
              <Text fw={800} size="xl">
                {t('polls.ballot.blank')}
              </Text>
            )}
          </Stack>
        </Paper>
        {poll.secret && (
          <Text size="sm" c="dimmed">
            {t('polls.ballot.secretHint')}
          </Text>
        )}
        <Button variant="default" size="lg" onClick={restart} data-testid="ballot-back">
          {t('polls.ballot.back')}
        </Button>
        <Button size="xl" leftSection={<IconCheck size={24} />} onClick={submit} data-testid="ballot-submit">
          {t('polls.ballot.submit')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="sm" data-testid="ballot-choose">
        {ballot.phase === 'failed' && ballot.error && (
          <Alert color="red" role="alert">
            {errorMessage({ code: ballot.error })}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {multi ? t('polls.ballot.chooseUpTo', { n: max }) : t('polls.ballot.chooseOne')}
        </Text>
        {poll.options.map((o) => {
          const selected = picked.includes(o.id);
          return (
            <Button
              key={o.id}
              size="xl"
              fullWidth
              className={classes.choice}
              color={choiceColor(poll, o.id)}
              variant={multi && !selected ? 'outline' : 'filled'}
              justify="flex-start"
              leftSection={multi && selected ? <IconCheck size={24} /> : undefined}
              aria-pressed={multi ? selected : undefined}
              onClick={() => choose(o.id)}
              data-testid={`ballot-option-${o.id}`}
            >
              {optionLabel(t, poll, o.id)}
            </Button>
          );
        })}
        {multi && (
          <Button
            size="xl"
            variant="filled"
            color="dark"
            onClick={() => setConfirming(true)}
            data-testid="ballot-next"
          >
            {t('polls.ballot.next', { n: picked.length, max })}
          </Button>
        )}
        {changing && (
          <Button variant="subtle" onClick={() => setChanging(false)}>
            {t('polls.ballot.keep')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      shadow="sm"
      data-testid={testId}
      data-poll={poll.id}
      data-phase={changing ? 'changing' : ballot.phase}
    >
      {header}
      {body}
      {open && (
        <Text size="sm" c="dimmed" mt="sm" ta="center" data-testid="ballot-progress">
          {t('polls.progress', cast)}
        </Text>
      )}
    </Paper>
  );
}
