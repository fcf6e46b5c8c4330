import { CheckInQrSchema, DISPLAY_TOKEN_HEADER, type CheckInQr } from '@phonghop/common';
import { ApiRequestError, errorFromResponse } from '../../lib/api-error';

/** The check-in QR code of the display's meeting, read with the display token (no user session). */
export async function fetchDisplayQr(displayToken: string): Promise<CheckInQr> {
  let res: Response;
  try {
    res = await fetch('/api/v1/displays/qr', { headers: { [DISPLAY_TOKEN_HEADER]: displayToken } });
  } catch {
    throw new ApiRequestError('NETWORK', 0);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return CheckInQrSchema.parse(await res.json());
}
