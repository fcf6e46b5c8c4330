import { Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Participant } from '@phonghop/common';
import { IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { downloadResultsPdf } from '../api/polls-api';
import { optionLabel } from '../state/labels';
import type { Poll } from '@phonghop/common';
import { resultRows, ruleText } from '../state/results-view';
import { ResultsChart } from './ResultsChart';

/**
 * A poll's result: counts and percentages per option on the rule's denominator, passed or not (or
 * who is elected), a chart; once published, for a named poll who voted what, for a secret poll the
 * receipts and "check my receipt"; the results PDF. `embedded` inside the chair's poll card.
 */
export function PollResults({
  poll,
  participants,
  myReceipts,
  embedded = false,
}: {
  poll: Poll;
  /** For the names in a named poll's list of ballots. */
  participants: Pick<Participant, 'userId' | 'user'>[];
  myReceipts: string[];
  embedded?: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [showVotes, setShowVotes] = useState(false);
  const result = poll.result;
  if (!result) return null;
  const rule = ruleText(poll.rule);
  const label = (p: Poll, id: string) => optionLabel(t, p, id);
  const elected = result.options.filter((o) => o.passed).map((o) => label(poll, o.optionId));
  const nameOf = (userId: string) => participants.find((p) => p.userId === userId)?.user.fullName ?? '';

  const download = async () => {
    setDownloading(true);
    setPdfError(null);
    try {
      await downloadResultsPdf(poll.meetingId, poll.id, `${poll.title}.pdf`);
    } catch (err) {
      setPdfError(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  const body = (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        {!embedded && (
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {poll.title}
          </Title>
        )}
        {poll.kind === 'election' ? (
          <Badge size="lg" color="blue.8" variant="filled" data-testid="poll-passed">
            {t('polls.results.electedCount', { n: elected.length, seats: poll.seats ?? 0 })}
          </Badge>
        ) : (
          <Badge
            size="lg"
            color={result.passed ? 'teal.8' : 'red.8'}
            variant="filled"
            data-testid="poll-passed"
          >
            {result.passed ? t('polls.results.passed') : t('polls.results.notPassed')}
          </Badge>
        )}
      </Group>
      {!embedded && (
        <Text size="sm">
          {t(rule.key, rule.values)} · {poll.secret ? t('polls.secret') : t('polls.named')}
        </Text>
      )}
      <Text size="sm" data-testid="poll-turnout">
        {t('polls.results.turnout', { cast: result.cast, voters: result.voters })}
        {result.blank > 0 ? ` · ${t('polls.results.blank', { n: result.blank })}` : ''}
        {' · '}
        {t('polls.results.required', { n: result.required })}
      </Text>
      <ResultsChart
        rows={resultRows(poll, label)}
        denominatorLabel={t(`polls.results.denominator.${result.base}`, { n: result.denominator })}
      />
      {poll.kind === 'election' && (
        <Text fw={700} data-testid="poll-elected">
          {elected.length > 0
            ? t('polls.results.elected', { names: elected.join(', ') })
            : t('polls.results.nobodyElected')}
        </Text>
      )}
      {poll.status === 'closed' && (
        <Text size="sm" c="dimmed">
          {t('polls.results.notPublishedYet')}
        </Text>
      )}
      {poll.status === 'published' && poll.votes && poll.votes.length > 0 && (
        <Stack gap={4}>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowVotes((s) => !s)}
            data-testid="named-votes-toggle"
            style={{ alignSelf: 'flex-start' }}
          >
            {showVotes
              ? t('polls.results.hideVotes')
              : t('polls.results.showVotes', { n: poll.votes.length })}
          </Button>
          {showVotes && (
            <Box component="ul" m={0} pl="md" data-testid="named-votes">
              {poll.votes.map((v) => (
                <Text component="li" size="sm" key={v.userId}>
                  {nameOf(v.userId)}
                  {v.castById !== v.userId
                    ? ` (${t('polls.results.byProxy', { name: nameOf(v.castById) })})`
                    : ''}
                  :{' '}
                  <b>
                    {v.choices.length > 0
                      ? v.choices.map((id) => label(poll, id)).join(', ')
                      : t('polls.ballot.blank')}
                  </b>
                </Text>
              ))}
            </Box>
          )}
        </Stack>
      )}
      {poll.status === 'published' && poll.secret && (
        <ReceiptCheck receipts={poll.receipts ?? []} myReceipts={myReceipts} />
      )}
      {poll.status === 'published' && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconFileTypePdf size={18} />}
            loading={downloading}
            onClick={() => void download()}
            data-testid="poll-pdf"
          >
            {t('polls.results.pdf')}
          </Button>
          {pdfError && (
            <Text size="sm" c="red.8" role="alert">
              {pdfError}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );

  if (embedded) {
    return (
      <Box data-testid="poll-results" data-poll={poll.id} data-passed={result.passed}>
        {body}
      </Box>
    );
  }
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="poll-results"
      data-poll={poll.id}
      data-passed={result.passed}
    >
      {body}
    </Paper>
  );
}

/** The published receipts of a secret poll, and the check a voter makes that theirs is counted. */
function ReceiptCheck({ receipts, myReceipts }: { receipts: string[]; myReceipts: string[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(myReceipts[0] ?? '');
  const [checked, setChecked] = useState<boolean | null>(null);
  const [showAll, setShowAll] = useState(false);
  // People type receipts loosely: any case, with or without the dash, with spaces.
  const normalise = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const check = () => setChecked(receipts.map(normalise).includes(normalise(code)));

  return (
    <Stack gap="xs" data-testid="receipt-check">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          flex={1}
          miw={200}
          label={t('polls.results.checkLabel')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setChecked(null);
          }}
          data-testid="receipt-input"
        />
        <Button
          leftSection={<IconSearch size={16} />}
          onClick={check}
          disabled={!code.trim()}
          data-testid="receipt-check-button"
        >
          {t('polls.results.check')}
        </Button>
      </Group>
      {checked !== null && (
        <Text
          fw={700}
          c={checked ? 'teal.9' : 'red.8'}
          role="status"
          data-testid="receipt-check-result"
          data-found={checked}
        >
          {checked ? t('polls.results.receiptFound') : t('polls.results.receiptMissing')}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setShowAll((s) => !s)}
        data-testid="receipt-list-toggle"
        style={{ alignSelf: 'flex-start' }}
      >
        {showAll ? t('polls.results.hideReceipts') : t('polls.results.showReceipts', { n: receipts.length })}
      </Button>
      {showAll && (
        <Box
          component="ul"
          m={0}
          pl="md"
          ff="monospace"
          data-testid="receipt-list"
          style={{ columns: '10rem' }}
        >
          {receipts.map((r) => (
            <Text component="li" size="sm" key={r} ff="monospace">
              {r}
            </Text>
          ))}
        </Box>
      )}
    </Stack>
  );
}
