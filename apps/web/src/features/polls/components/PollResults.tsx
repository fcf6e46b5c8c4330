import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { downloadResultsPdf } from '../api/polls-api';
import { optionLabel } from '../state/labels';
import type { Poll } from '../state/poll-model';
import { chartRows, ruleText } from '../state/results-view';
import { ResultsChart } from './ResultsChart';

/**
 * A published poll's result: counts and percentages per option on the rule's denominator, passed
 * or not (or who is elected), a chart; for a secret poll the published receipts and "check my
 * receipt"; the results PDF.
 */
export function PollResults({ poll, myReceipts }: { poll: Poll; myReceipts: string[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const result = poll.result;
  if (!result) return null;
  const rule = ruleText(poll.rule);
  const rows = chartRows(poll, result.counts, result.denominator, (p, id) => optionLabel(t, p, id));
  const basis = poll.rule.kind === 'present_majority' ? 'present' : 'members';

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

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="poll-results"
      data-poll={poll.id}
      data-passed={result.passed}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {poll.title}
          </Title>
          {poll.kind === 'election' ? (
            <Badge size="lg" color="blue.8" variant="filled">
              {t('polls.results.electedCount', { n: result.elected.length, seats: poll.seats ?? 0 })}
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
        <Text size="sm">
          {t(rule.key, rule.values)} · {poll.secret ? t('polls.secret') : t('polls.named')} ·{' '}
          {t('polls.results.turnout', { cast: poll.cast, voters: poll.voters })}
        </Text>
        <ResultsChart
          rows={rows}
          denominatorLabel={t(`polls.results.denominator.${basis}`, { n: result.denominator })}
        />
        {poll.kind === 'election' && result.elected.length > 0 && (
          <Text fw={700} data-testid="poll-elected">
            {t('polls.results.elected', {
              names: result.elected.map((id) => optionLabel(t, poll, id)).join(', '),
            })}
          </Text>
        )}
        {poll.secret && <ReceiptCheck receipts={result.receipts} myReceipts={myReceipts} />}
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
      </Stack>
    </Paper>
  );
}

/** The published receipts of a secret poll, and the check a voter makes that theirs is counted. */
function ReceiptCheck({ receipts, myReceipts }: { receipts: string[]; myReceipts: string[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(myReceipts[0] ?? '');
  const [checked, setChecked] = useState<boolean | null>(null);
  const [showAll, setShowAll] = useState(false);
  const normalise = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');
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
      >
        {showAll ? t('polls.results.hideReceipts') : t('polls.results.showReceipts', { n: receipts.length })}
      </Button>
      {showAll && (
        <Text
          component="ul"
          size="sm"
          ff="monospace"
          data-testid="receipt-list"
          style={{ columns: '10rem', margin: 0 }}
        >
          {receipts.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </Text>
      )}
    </Stack>
  );
}
