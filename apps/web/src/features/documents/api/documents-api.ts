import {
  DOCUMENT_FILE_FIELD,
  DocumentListSchema,
  DocumentUploadResultSchema,
  IDEMPOTENCY_KEY_HEADER,
  isErrorCode,
  type ApiError,
  type DocumentUploadFields,
  type DocumentUploadResult,
} from '@phonghop/common';
import { api } from '../../../lib/api-client';
import { ApiRequestError } from '../../../lib/api-error';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { session } from '../../../lib/session';

const API_BASE = '/api/v1';

const documentPath = (meetingId: string, documentId: string) =>
  `/meetings/${meetingId}/documents/${documentId}`;

/** The meeting documents' REST routes as the web uses them. */
export const documentsApi = {
  list: (meetingId: string) => api.get(`/meetings/${meetingId}/documents`, { schema: DocumentListSchema }),

  /** The reader's own stamped copy of a version (not for confidential documents). */
  copyUrl: (meetingId: string, documentId: string, versionId: string) =>
    `${API_BASE}${documentPath(meetingId, documentId)}/versions/${versionId}/copy.pdf`,

  /** One page of a confidential document, rendered by the server with the reader's watermark. */
  pageImageUrl: (meetingId: string, documentId: string, versionId: string, page: number, width: number) =>
    `${API_BASE}${documentPath(meetingId, documentId)}/versions/${versionId}/pages/${page}.png?width=${width}`,

  /** A new document (fields first, the file last, so the server checks the fields before the bytes). */
  upload: (
    meetingId: string,
    fields: DocumentUploadFields,
    file: File,
    onProgress: (fraction: number) => void,
  ) => uploadWithProgress(`/meetings/${meetingId}/documents`, fields, file, onProgress),

  /** A new version of a document (the old ones are kept). */
  uploadVersion: (
    meetingId: string,
    documentId: string,
    file: File,
    onProgress: (fraction: number) => void,
  ) => uploadWithProgress(`${documentPath(meetingId, documentId)}/versions`, null, file, onProgress),
};

/**
 * Fetches a protected resource with the session's token as an object URL (for <img>: it cannot
 * carry a bearer header). The caller revokes it.
 */
export async function fetchObjectUrl(url: string, signal?: AbortSignal): Promise<string> {
  const send = async (token: string | null) =>
    fetch(url, { signal, headers: token ? { authorization: `Bearer ${token}` } : {} });
  let res = await send(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) res = await send(session.token);
  if (!res.ok) throw await errorOf(res.status, await res.text());
  return URL.createObjectURL(await res.blob());
}

/**
 * A multipart upload with real progress: fetch() cannot report upload progress, XMLHttpRequest
 * can (`upload.onprogress`). One Idempotency-Key for the upload; on 401 the session is refreshed
 * once and the upload sent again.
 */
async function uploadWithProgress(
  path: string,
  fields: DocumentUploadFields | null,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<DocumentUploadResult> {
  const idempotencyKey = newIdempotencyKey();
  const body = new FormData();
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === undefined || value === null) continue;
    body.append(key, Array.isArray(value) ? JSON.stringify(value) : String(value));
  }
  body.append(DOCUMENT_FILE_FIELD, file, file.name);

  const send = (token: string | null) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${API_BASE}${path}`);
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(new ApiRequestError('NETWORK', 0));
      xhr.onabort = () => reject(new ApiRequestError('NETWORK', 0));
      xhr.send(body);
    });

  let res = await send(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) {
    onProgress(0);
    res = await send(session.token);
  }
  if (res.status < 200 || res.status >= 300) throw errorOf(res.status, res.text);
  onProgress(1);
  return DocumentUploadResultSchema.parse(JSON.parse(res.text));
}

function errorOf(status: number, text: string): ApiRequestError {
  try {
    const error = (JSON.parse(text) as { error?: Partial<ApiError> }).error;
    if (error && isErrorCode(error.code)) return new ApiRequestError(error.code, status, error.details);
  } catch {
    // not JSON
  }
  if (status === 413) return new ApiRequestError('PAYLOAD_TOO_LARGE', status);
  return new ApiRequestError(status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_ERROR', status);
}
