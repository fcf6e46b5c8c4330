import { Center, Loader, Stack, Text } from '@mantine/core';
import { checkInPath, type CheckInQr } from '@phonghop/common';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { attendanceApi } from '../api/attendance-api';

/** Fetch again this long after the server says the code changes (never before it has). */
const AFTER_CHANGE_MS = 150;
const RETRY_MS = 3_000;

/**
 * The room's check-in QR code, drawn here as SVG (no image service, no CDN). It changes every 30 s:
 * the next one is fetched when the server says this one stops being shown — measured on the
 * server's clock (validUntil − serverTime), so a wrong clock on this screen does not matter.
 */
export function CheckInQrCode({
  meetingId,
  size = 280,
  fetchCode,
}: {
  meetingId: string;
  size?: number;
  /** Where the code comes from; the room display reads it with its display token. */
  fetchCode?: () => Promise<CheckInQr>;
}) {
  const { t } = useTranslation();
  const fetcher = useRef(fetchCode);
  fetcher.current = fetchCode;
  const errorMessage = useErrorMessage();
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const code = await (fetcher.current?.() ?? attendanceApi.qr(meetingId));
        const url = `${window.location.origin}${checkInPath(meetingId, code.token)}`;
        const drawn = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
        if (stopped) return;
        setSvg(drawn);
        setError(null);
        const wait = Date.parse(code.validUntil) - Date.parse(code.serverTime) + AFTER_CHANGE_MS;
        timer = setTimeout(() => void load(), Math.max(wait, AFTER_CHANGE_MS));
      } catch (err) {
        if (stopped) return;
        setError(errorMessage(err));
        timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [meetingId, errorMessage]);

  return (
    <Stack gap="xs" align="center" data-testid="check-in-qr" data-ready={svg !== null}>
      {svg ? (
        <div
          role="img"
          aria-label={t('attendance.qrAlt')}
          style={{ width: size, height: size, background: '#fff' }}
          // The SVG comes from the qrcode library drawing our own URL, not from the network.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <Center w={size} h={size}>
          <Loader />
        </Center>
      )}
      {error && (
        <Text c="red.8" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}
