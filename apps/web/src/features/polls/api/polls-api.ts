import { errorFromResponse } from '../../../lib/api-error';
import { safeFetch, session } from '../../../lib/session';

/**
 * Downloads a published poll's results PDF (a Bearer-token request, so not a plain link): fetched
 * as a blob and handed to the browser as a file.
 */
export async function downloadResultsPdf(meetingId: string, pollId: string, fileName: string): Promise<void> {
  const url = `/api/v1/meetings/${meetingId}/polls/${pollId}/results.pdf`;
  const get = (token: string | null) =>
    safeFetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let res = await get(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) res = await get(session.token);
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName.replace(/[\\/:*?"<>|]+/g, ' ');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
