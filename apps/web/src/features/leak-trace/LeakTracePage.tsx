import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { IssuedCopy, LeakTraceResult, LeakVerdict } from '@phonghop/common';
import { IconFileSearch, IconKeyboard, IconShieldSearch } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time';
import { useErrorMessage } from '../../lib/use-error-message';
import { leakTraceApi } from './leak-trace-api';

const VERDICT_COLOR: Record<LeakVerdict, string> = {
  identified: 'green',
  conflicting: 'orange',
  unregistered: 'red',
  no_marks: 'gray',
};

/** "1-3, 5" */
function pageList(pages: number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

function CopyCard({ copy }: { copy: IssuedCopy }) {
  const { t } = useTranslation();
  const code = `${copy.code.slice(0, 4)}-${copy.code.slice(4)}`;
  return (
    <Card withBorder padding="md" data-testid="leak-copy">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} size="lg">
            {copy.readerName}
          </Text>
          <Badge size="lg" variant="light" style={{ fontFamily: 'monospace' }}>
            {code}
          </Badge>
        </Group>
        <Text size="sm">
          {copy.readerUnit ?? t('leakTrace.noUnit')} · {copy.readerUsername}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('leakTrace.document')}:
          </Text>{' '}
          {copy.documentTitle ?? t('leakTrace.removedDocument')} —{' '}
          {t('leakTrace.version', { number: copy.versionNumber ?? '?' })}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('leakTrace.meeting')}:
          </Text>{' '}
          {copy.meetingTitle}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('leakTrace.issued')}:
          </Text>{' '}
          {formatDateTime(copy.issuedAt)} · {t(`leakTrace.route.${copy.route}`)}
        </Text>
      </Stack>
    </Card>
  );
}

function TraceResult({ result }: { result: LeakTraceResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="leak-result">
      <Alert
        color={VERDICT_COLOR[result.verdict]}
        title={t(`leakTrace.verdict.${result.verdict}.title`)}
        data-testid={`leak-verdict-${result.verdict}`}
      >
        {t(`leakTrace.verdict.${result.verdict}.body`)}
      </Alert>
      {result.copies.map((copy) => (
        <CopyCard key={copy.code} copy={copy} />
      ))}
      {result.marks.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped withTableBorder>
            <Table.Caption>{t('leakTrace.marksCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('leakTrace.markKind')}</Table.Th>
                <Table.Th>{t('leakTrace.code')}</Table.Th>
                <Table.Th>{t('leakTrace.pages')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.marks.map((m) => (
                <Table.Tr key={`${m.kind}-${m.code}`}>
                  <Table.Td>{t(`leakTrace.kind.${m.kind}`)}</Table.Td>
                  <Table.Td style={{ fontFamily: 'monospace' }}>{m.code}</Table.Td>
                  <Table.Td>{m.pages.length ? pageList(m.pages) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * Leak tracing for system administrators: drop a leaked PDF, or type the copy code printed on a
 * page (read off a photo or a print-out), and see whose copy it was, of which version, issued when.
 */
export function LeakTracePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const byFile = useMutation({ mutationFn: (f: File) => leakTraceApi.traceFile(f) });
  const byCode = useMutation({ mutationFn: (c: string) => leakTraceApi.traceCode(c) });
  const last = byFile.submittedAt >= byCode.submittedAt ? byFile : byCode;

  const submitFile = (e: FormEvent) => {
    e.preventDefault();
    if (file) byFile.mutate(file);
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) byCode.mutate(code.trim());
  };

  return (
    <Stack gap="lg" maw={960}>
      <Group gap="sm" wrap="nowrap">
        <IconShieldSearch size={32} aria-hidden />
        <Title order={1} size="h2">
          {t('leakTrace.title')}
        </Title>
      </Group>
      <Text>{t('leakTrace.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder padding="md" component="form" onSubmit={submitFile}>
          <Stack gap="sm">
            <FileInput
              label={t('leakTrace.fileLabel')}
              description={t('leakTrace.fileHint')}
              placeholder={t('leakTrace.filePlaceholder')}
              accept="application/pdf,.pdf"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('leakTrace.clearFile') }}
              data-testid="leak-file"
            />
            <Button
              type="submit"
              leftSection={<IconFileSearch size={20} />}
              disabled={!file}
              loading={byFile.isPending}
              data-testid="leak-trace-file"
            >
              {t('leakTrace.traceFile')}
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="md" component="form" onSubmit={submitCode}>
          <Stack gap="sm">
            <TextInput
              label={t('leakTrace.codeLabel')}
              description={t('leakTrace.codeHint')}
              placeholder="KAMX-4PWC"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.08em' } }}
              data-testid="leak-code"
            />
            <Button
              type="submit"
              leftSection={<IconKeyboard size={20} />}
              disabled={!code.trim()}
              loading={byCode.isPending}
              data-testid="leak-trace-code"
            >
              {t('leakTrace.traceCode')}
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
      <div aria-live="polite">
        {last.isError && (
          <Alert color="red" title={t('leakTrace.failed')} data-testid="leak-error">
            {errorMessage(last.error)}
          </Alert>
        )}
        {last.isSuccess && last.data && <TraceResult result={last.data} />}
      </div>
    </Stack>
  );
}
