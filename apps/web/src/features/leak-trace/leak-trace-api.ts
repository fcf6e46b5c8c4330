import { LeakTraceResultSchema, type LeakTraceResult } from '@phonghop/common';
import { api } from '../../lib/api-client';
import { errorFromResponse } from '../../lib/api-error';
import { safeFetch, session } from '../../lib/session';

/** The admin leak-trace endpoints (docs/documents-copies.md). */
export const leakTraceApi = {
  /** Sends the leaked PDF's bytes as they are (not multipart): the server reads the marks. */
  async traceFile(file: File): Promise<LeakTraceResult> {
    const send = (token: string | null) =>
      safeFetch('/api/v1/admin/leak-trace/file', {
        method: 'POST',
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'content-type': 'application/pdf',
        },
        body: file,
      });
    let res = await send(await session.freshToken());
    if (res.status === 401 && (await session.refresh())) res = await send(session.token);
    if (!res.ok) throw await errorFromResponse(res);
    return LeakTraceResultSchema.parse(await res.json());
  },
  traceCode: (code: string) =>
    api.post('/admin/leak-trace/code', { body: { code }, schema: LeakTraceResultSchema }),
};
