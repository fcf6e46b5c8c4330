import { AttendanceRecordSchema, CheckInQrSchema } from '@phonghop/common';
import { api } from '../../../lib/api-client';

/** The QR check-in over REST (the rest of attendance goes over the meeting socket). */
export const attendanceApi = {
  qr: (meetingId: string) => api.get(`/meetings/${meetingId}/attendance/qr`, { schema: CheckInQrSchema }),
  qrCheckIn: (meetingId: string, token: string) =>
    api.post(`/meetings/${meetingId}/attendance/qr-check-in`, {
      body: { token },
      schema: AttendanceRecordSchema,
      idempotent: true,
    }),
};
