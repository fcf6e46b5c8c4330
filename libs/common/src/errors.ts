/**
 * Every error the API can answer with. The server sends `{ code, message }`; the web app shows
 * the Vietnamese or English message for the code (messages below), never a server string.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'ADMIN_REQUIRED',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  'USER_DISABLED',
  'CANNOT_DISABLE_SELF',
  'CANNOT_DEMOTE_SELF',
  'ORIGIN_REFUSED',
  'UNKNOWN_COMMAND',
  'MEETING_NOT_FOUND',
  'NOT_A_PARTICIPANT',
  'MEETING_ROLE_REQUIRED',
  'INVALID_TRANSITION',
  'MEETING_NOT_EDITABLE',
  'MEETING_NOT_LIVE',
  'PARTICIPANT_NOT_FOUND',
  'PARTICIPANT_EXISTS',
  'AGENDA_ITEM_NOT_FOUND',
  'AGENDA_ORDER_MISMATCH',
  'AGENDA_ITEM_STARTED',
  'LAST_SECRETARY',
  'IDEMPOTENCY_KEY_REUSED',
  'NOT_JOINED',
  'CONFLICT',
  'INTERNAL_ERROR',
  'DB_UNAVAILABLE',
  'ORGANISER_REQUIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field-level details for VALIDATION_FAILED: path → message. */
  details?: { path: string; message: string }[];
}

/** The HTTP status each code maps to, in one place for the REST layer. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  ADMIN_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  USER_DISABLED: 403,
  CANNOT_DISABLE_SELF: 409,
  CANNOT_DEMOTE_SELF: 409,
  ORIGIN_REFUSED: 403,
  UNKNOWN_COMMAND: 400,
  MEETING_NOT_FOUND: 404,
  NOT_A_PARTICIPANT: 403,
  MEETING_ROLE_REQUIRED: 403,
  INVALID_TRANSITION: 409,
  MEETING_NOT_EDITABLE: 409,
  MEETING_NOT_LIVE: 409,
  PARTICIPANT_NOT_FOUND: 404,
  PARTICIPANT_EXISTS: 409,
  AGENDA_ITEM_NOT_FOUND: 404,
  AGENDA_ORDER_MISMATCH: 409,
  AGENDA_ITEM_STARTED: 409,
  LAST_SECRETARY: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  NOT_JOINED: 409,
  CONFLICT: 409,
  INTERNAL_ERROR: 500,
  DB_UNAVAILABLE: 503,
  ORGANISER_REQUIRED: 403,
};

/** Messages shown to people, Vietnamese first. */
export const ERROR_MESSAGES: Record<ErrorCode, { vi: string; en: string }> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The data sent is not valid.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The data sent is too large.' },
  MALFORMED_JSON: { vi: 'Dữ liệu gửi lên sai định dạng.', en: 'The data sent is malformed.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  TOKEN_EXPIRED: { vi: 'Phiên đăng nhập đã hết hạn.', en: 'Your session has expired.' },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  TOO_MANY_ATTEMPTS: {
    vi: 'Quá nhiều lần thử. Vui lòng thử lại sau ít phút.',
    en: 'Too many attempts. Please try again in a few minutes.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  ADMIN_REQUIRED: {
    vi: 'Chỉ quản trị hệ thống được thực hiện.',
    en: 'Only a system administrator may do this.',
  },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { vi: 'Không có đường dẫn này.', en: 'No such route.' },
  USER_NOT_FOUND: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã được dùng.', en: 'This username is taken.' },
  USER_DISABLED: { vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  CANNOT_DISABLE_SELF: {
    vi: 'Không thể tự khóa tài khoản của mình.',
    en: 'You cannot disable your own account.',
  },
  CANNOT_DEMOTE_SELF: {
    vi: 'Không thể tự bỏ quyền quản trị của mình.',
    en: 'You cannot remove your own administrator role.',
  },
  ORIGIN_REFUSED: { vi: 'Nguồn kết nối không được phép.', en: 'Connection origin refused.' },
  UNKNOWN_COMMAND: { vi: 'Lệnh không được hỗ trợ.', en: 'Unknown command.' },
  MEETING_NOT_FOUND: { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' },
  NOT_A_PARTICIPANT: {
    vi: 'Bạn không phải thành phần của cuộc họp này.',
    en: 'You are not a participant of this meeting.',
  },
  MEETING_ROLE_REQUIRED: {
    vi: 'Vai trò của bạn trong cuộc họp không cho phép thao tác này.',
    en: 'Your role in this meeting does not allow this.',
  },
  INVALID_TRANSITION: {
    vi: 'Không thể chuyển cuộc họp sang trạng thái này.',
    en: 'The meeting cannot move to this status.',
  },
  MEETING_NOT_EDITABLE: {
    vi: 'Cuộc họp không còn sửa được.',
    en: 'The meeting can no longer be edited.',
  },
  MEETING_NOT_LIVE: { vi: 'Cuộc họp chưa diễn ra.', en: 'The meeting is not live.' },
  PARTICIPANT_NOT_FOUND: { vi: 'Không tìm thấy thành phần họp.', en: 'Participant not found.' },
  PARTICIPANT_EXISTS: {
    vi: 'Người này đã là thành phần cuộc họp.',
    en: 'This person is already a participant.',
  },
  AGENDA_ITEM_NOT_FOUND: { vi: 'Không tìm thấy nội dung họp.', en: 'Agenda item not found.' },
  AGENDA_ORDER_MISMATCH: {
    vi: 'Thứ tự chương trình đã thay đổi, vui lòng tải lại.',
    en: 'The agenda changed meanwhile; please reload.',
  },
  AGENDA_ITEM_STARTED: {
    vi: 'Nội dung này đã được thảo luận, không thể xóa hoặc bỏ qua.',
    en: 'This agenda item has already started; it cannot be removed or skipped.',
  },
  LAST_SECRETARY: {
    vi: 'Cuộc họp phải có ít nhất một thư ký.',
    en: 'The meeting must keep at least one secretary.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Mã lệnh đã được dùng cho một lệnh khác.',
    en: 'This command key was already used for another command.',
  },
  NOT_JOINED: { vi: 'Bạn chưa vào phòng họp.', en: 'You have not joined the meeting room.' },
  CONFLICT: { vi: 'Dữ liệu đã thay đổi, vui lòng thử lại.', en: 'The data changed; please retry.' },
  INTERNAL_ERROR: { vi: 'Lỗi hệ thống. Vui lòng thử lại.', en: 'Server error. Please try again.' },
  DB_UNAVAILABLE: { vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng.', en: 'The database is unavailable.' },
  ORGANISER_REQUIRED: {
    vi: 'Chỉ thư ký (người tổ chức) hoặc quản trị hệ thống được tạo cuộc họp.',
    en: 'Only an organiser (secretary) or a system administrator may create meetings.',
  },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
