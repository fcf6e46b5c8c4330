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
  'CHAIR_HANDOVER_REQUIRED',
  'ALREADY_CHAIR',
  'ATTENDANCE_CLOSED',
  'QUORUM_NOT_REACHED',
  'PROXIES_NOT_ALLOWED',
  'PROXY_INVALID',
  'QR_TOKEN_INVALID',
  'QR_TOKEN_EXPIRED',
  'QR_TOKEN_USED',
  'SPEAKER_NOT_FOUND',
  'SPEAKER_LIST_CLOSED',
  'SPEAKER_ALREADY_LISTED',
  'SPEAKER_FLOOR_TAKEN',
  'SPEAKER_NOT_WAITING',
  'SPEAKER_ORDER_MISMATCH',
  'NO_CURRENT_ITEM',
  'RATE_LIMITED',
  'TOO_MANY_SOCKETS',
  'ORGANISER_REQUIRED',
  'DISPLAY_READ_ONLY',
  'DISPLAY_TOKEN_INVALID',
  // voting (polls)
  'POLL_NOT_FOUND',
  'POLL_NOT_DRAFT',
  'POLL_NOT_OPEN',
  'POLL_NOT_CLOSED',
  'POLL_TIME_UP',
  'NOT_A_VOTER',
  'ALREADY_VOTED',
  'BALLOT_INVALID',
  'POLL_VOTER_EXISTS',
  'POLL_VOTER_INVALID',
  // meeting documents (issue 10)
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_VERSION_NOT_FOUND',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TYPE_UNSUPPORTED',
  'DOCUMENT_POLYGLOT',
  'DOCUMENT_ENCRYPTED',
  'DOCUMENT_DAMAGED',
  'DOCUMENT_TOO_COMPLEX',
  'DOCUMENT_NAME_INVALID',
  'DOCUMENT_UPLOAD_INCOMPLETE',
  'DOCUMENT_CONVERTER_MISSING',
  'DOCUMENT_NOT_READABLE',
  'DOCUMENT_NOT_READY',
  'DOCUMENT_DOWNLOAD_FORBIDDEN',
  'DOCUMENT_READER_INVALID',
  // document notes and comments (docs-notes)
  'NOTE_NOT_FOUND',
  'NOTES_LIMIT_REACHED',
  'COMMENT_NOT_FOUND',
  'COMMENT_DEADLINE_PASSED',
  'COMMENTS_CLOSED',
  'COMMENT_WITHDRAWN',
  'COMMENTS_NOT_REQUESTED',
  // document copies and leak tracing (issue 10)
  'COPY_CODE_INVALID',
  'COPY_NOT_FOUND',
  'LEAK_FILE_UNREADABLE',
  // follow the presenter (issue 10, docs-web)
  'PRESENTATION_NOT_ACTIVE',
  'PRESENTATION_PAGE_OUT_OF_RANGE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field-level details for VALIDATION_FAILED: path → message. */
  details?: { path: string; message: string }[];
  /** RATE_LIMITED: milliseconds until the command may be sent again. */
  retryAfterMs?: number;
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
  CHAIR_HANDOVER_REQUIRED: 409,
  ALREADY_CHAIR: 409,
  ATTENDANCE_CLOSED: 409,
  QUORUM_NOT_REACHED: 409,
  PROXIES_NOT_ALLOWED: 409,
  PROXY_INVALID: 409,
  QR_TOKEN_INVALID: 400,
  QR_TOKEN_EXPIRED: 410,
  QR_TOKEN_USED: 409,
  SPEAKER_NOT_FOUND: 404,
  SPEAKER_LIST_CLOSED: 409,
  SPEAKER_ALREADY_LISTED: 409,
  SPEAKER_FLOOR_TAKEN: 409,
  SPEAKER_NOT_WAITING: 409,
  SPEAKER_ORDER_MISMATCH: 409,
  NO_CURRENT_ITEM: 409,
  RATE_LIMITED: 429,
  TOO_MANY_SOCKETS: 429,
  ORGANISER_REQUIRED: 403,
  DISPLAY_READ_ONLY: 403,
  DISPLAY_TOKEN_INVALID: 401,
  // voting (polls)
  POLL_NOT_FOUND: 404,
  POLL_NOT_DRAFT: 409,
  POLL_NOT_OPEN: 409,
  POLL_NOT_CLOSED: 409,
  POLL_TIME_UP: 409,
  NOT_A_VOTER: 403,
  ALREADY_VOTED: 409,
  BALLOT_INVALID: 400,
  POLL_VOTER_EXISTS: 409,
  POLL_VOTER_INVALID: 409,
  // meeting documents (issue 10)
  DOCUMENT_NOT_FOUND: 404,
  DOCUMENT_VERSION_NOT_FOUND: 404,
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_TYPE_UNSUPPORTED: 415,
  DOCUMENT_POLYGLOT: 422,
  DOCUMENT_ENCRYPTED: 422,
  DOCUMENT_DAMAGED: 422,
  DOCUMENT_TOO_COMPLEX: 422,
  DOCUMENT_NAME_INVALID: 400,
  DOCUMENT_UPLOAD_INCOMPLETE: 400,
  DOCUMENT_CONVERTER_MISSING: 503,
  DOCUMENT_NOT_READABLE: 403,
  DOCUMENT_NOT_READY: 409,
  DOCUMENT_DOWNLOAD_FORBIDDEN: 403,
  DOCUMENT_READER_INVALID: 409,
  // document notes and comments (docs-notes)
  NOTE_NOT_FOUND: 404,
  NOTES_LIMIT_REACHED: 409,
  COMMENT_NOT_FOUND: 404,
  COMMENT_DEADLINE_PASSED: 409,
  COMMENTS_CLOSED: 409,
  COMMENT_WITHDRAWN: 409,
  COMMENTS_NOT_REQUESTED: 409,
  // document copies and leak tracing (issue 10)
  COPY_CODE_INVALID: 400,
  COPY_NOT_FOUND: 404,
  LEAK_FILE_UNREADABLE: 422,
  // follow the presenter (issue 10, docs-web)
  PRESENTATION_NOT_ACTIVE: 409,
  PRESENTATION_PAGE_OUT_OF_RANGE: 400,
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
  CHAIR_HANDOVER_REQUIRED: {
    vi: 'Trong cuộc họp đang diễn ra, quyền chủ trì chỉ được chuyển bằng thao tác "Trao quyền chủ trì".',
    en: 'While the meeting is live, the chair changes only by handing over the chair.',
  },
  ALREADY_CHAIR: { vi: 'Người này đã là chủ trì.', en: 'This person already chairs the meeting.' },
  ATTENDANCE_CLOSED: {
    vi: 'Chỉ điểm danh khi cuộc họp đã được thông báo và chưa kết thúc.',
    en: 'Attendance is taken only once the meeting is announced and until it ends.',
  },
  QUORUM_NOT_REACHED: {
    vi: 'Chưa đủ số đại biểu theo quy định. Cần xác nhận để vẫn bắt đầu.',
    en: 'The quorum is not reached. Starting anyway needs a confirmation.',
  },
  PROXIES_NOT_ALLOWED: {
    vi: 'Cuộc họp này không cho phép ủy quyền.',
    en: 'This meeting does not allow proxies.',
  },
  PROXY_INVALID: {
    vi: 'Chỉ đại biểu vắng mặt được ủy quyền cho một đại biểu có mặt (mỗi người nhận tối đa một ủy quyền).',
    en: 'Only an absent member may give a proxy, to one present member (who holds at most one).',
  },
  QR_TOKEN_INVALID: {
    vi: 'Mã QR không hợp lệ cho cuộc họp này.',
    en: 'This QR code is not valid for this meeting.',
  },
  QR_TOKEN_EXPIRED: {
    vi: 'Mã QR đã hết hạn. Vui lòng quét mã đang hiển thị trên màn hình phòng họp.',
    en: 'This QR code has expired. Please scan the code on the room screen now.',
  },
  QR_TOKEN_USED: {
    vi: 'Bạn đã dùng mã QR này rồi.',
    en: 'You have already used this QR code.',
  },
  SPEAKER_NOT_FOUND: { vi: 'Không tìm thấy lượt đăng ký phát biểu.', en: 'Speaker request not found.' },
  SPEAKER_LIST_CLOSED: {
    vi: 'Chủ trì đã khóa danh sách phát biểu của nội dung này.',
    en: 'The chair has closed the list of speakers for this item.',
  },
  SPEAKER_ALREADY_LISTED: {
    vi: 'Người này đã có trong danh sách phát biểu.',
    en: 'This person is already on the list of speakers.',
  },
  SPEAKER_FLOOR_TAKEN: {
    vi: 'Đang có người phát biểu. Hãy kết thúc lượt đó trước.',
    en: 'Someone has the floor. End that speech first.',
  },
  SPEAKER_NOT_WAITING: { vi: 'Lượt phát biểu này không còn chờ.', en: 'This request is no longer waiting.' },
  SPEAKER_ORDER_MISMATCH: {
    vi: 'Danh sách phát biểu đã thay đổi, vui lòng thử lại.',
    en: 'The list of speakers changed meanwhile; please retry.',
  },
  NO_CURRENT_ITEM: { vi: 'Chưa có nội dung nào đang thảo luận.', en: 'No agenda item is being discussed.' },
  RATE_LIMITED: {
    vi: 'Bạn thao tác quá nhanh. Vui lòng chờ giây lát rồi thử lại.',
    en: 'Too many commands. Please wait a moment and try again.',
  },
  TOO_MANY_SOCKETS: {
    vi: 'Tài khoản đang mở quá nhiều kết nối. Hãy đóng bớt các thẻ hoặc thiết bị khác.',
    en: 'This account has too many open connections. Close some other tabs or devices.',
  },
  ORGANISER_REQUIRED: {
    vi: 'Chỉ thư ký (người tổ chức) hoặc quản trị hệ thống được tạo cuộc họp.',
    en: 'Only an organiser (secretary) or a system administrator may create meetings.',
  },
  DISPLAY_READ_ONLY: {
    vi: 'Màn hình phòng họp chỉ được xem, không được thao tác.',
    en: 'A room display can only watch; it cannot act.',
  },
  DISPLAY_TOKEN_INVALID: {
    vi: 'Mã màn hình không hợp lệ hoặc đã bị thu hồi.',
    en: 'The display token is not valid or has been revoked.',
  },
  // voting (polls)
  POLL_NOT_FOUND: {
    vi: 'Không tìm thấy cuộc biểu quyết.',
    en: 'Poll not found.',
  },
  POLL_NOT_DRAFT: {
    vi: 'Cuộc biểu quyết đã mở, không sửa hay xóa được nữa. Hãy tạo một cuộc biểu quyết mới.',
    en: 'The poll has been opened; it can no longer be changed or deleted. Create a new poll.',
  },
  POLL_NOT_OPEN: {
    vi: 'Cuộc biểu quyết chưa mở hoặc đã đóng.',
    en: 'The poll is not open (not yet, or no longer).',
  },
  POLL_NOT_CLOSED: {
    vi: 'Chỉ công bố kết quả sau khi đã kết thúc biểu quyết. Hãy kết thúc trước.',
    en: 'Results are published only after the poll is closed. Close it first.',
  },
  POLL_TIME_UP: {
    vi: 'Đã hết thời gian biểu quyết; phiếu không được ghi nhận.',
    en: 'Voting time is up; the ballot was not recorded.',
  },
  NOT_A_VOTER: {
    vi: 'Đồng chí không có quyền biểu quyết trong lần này (chỉ đại biểu có mặt khi mở biểu quyết, hoặc người nhận ủy quyền). Nếu vừa đến, hãy báo thư ký bổ sung.',
    en: 'You have no vote in this poll (only members present when it opened, or proxy holders). If you just arrived, ask the secretary to add you.',
  },
  ALREADY_VOTED: {
    vi: 'Phiếu đã được ghi nhận trước đó; cuộc biểu quyết này không cho phép thay đổi phiếu.',
    en: 'A ballot is already recorded; this poll does not allow changing it.',
  },
  BALLOT_INVALID: {
    vi: 'Phiếu không hợp lệ: lựa chọn không có trong danh sách hoặc chọn quá số lượng cho phép. Hãy chọn lại.',
    en: 'Invalid ballot: an unknown option, or more choices than allowed. Choose again.',
  },
  POLL_VOTER_EXISTS: {
    vi: 'Người này đã có quyền biểu quyết trong lần này.',
    en: 'This person already has a vote in this poll.',
  },
  POLL_VOTER_INVALID: {
    vi: 'Chỉ bổ sung đại biểu có quyền biểu quyết đã điểm danh có mặt. Hãy điểm danh trước.',
    en: 'Only a voting member checked in as present can be added. Take their attendance first.',
  },
  // meeting documents (issue 10)
  DOCUMENT_NOT_FOUND: { vi: 'Không tìm thấy tài liệu.', en: 'Document not found.' },
  DOCUMENT_VERSION_NOT_FOUND: {
    vi: 'Không tìm thấy phiên bản tài liệu.',
    en: 'Document version not found.',
  },
  DOCUMENT_TOO_LARGE: {
    vi: 'Tệp vượt quá dung lượng cho phép. Hãy nén, chia nhỏ tệp hoặc nhờ quản trị tăng DOCUMENT_MAX_BYTES.',
    en: 'The file is larger than allowed. Compress or split it, or ask the administrator to raise DOCUMENT_MAX_BYTES.',
  },
  DOCUMENT_TYPE_UNSUPPORTED: {
    vi: 'Nội dung tệp không phải PDF hay văn bản Office (.docx .xlsx .pptx .odt .ods .odp). Hãy xuất tệp ra PDF rồi tải lên.',
    en: 'The file content is neither PDF nor an Office document (.docx .xlsx .pptx .odt .ods .odp). Export it to PDF and upload that.',
  },
  DOCUMENT_POLYGLOT: {
    vi: 'Tệp chứa lẫn nhiều định dạng (có dữ liệu lạ trước hoặc sau nội dung PDF). Hãy in lại ra PDF từ phần mềm gốc.',
    en: 'The file mixes several formats (foreign data before or after the PDF). Print it to PDF again from the original application.',
  },
  DOCUMENT_ENCRYPTED: {
    vi: 'Tệp PDF có mật khẩu hoặc được mã hóa. Hãy gỡ mật khẩu rồi tải lên lại.',
    en: 'The PDF is password-protected or encrypted. Remove the password and upload it again.',
  },
  DOCUMENT_DAMAGED: {
    vi: 'Tệp bị hỏng, không đọc được. Hãy xuất lại tệp từ phần mềm gốc.',
    en: 'The file is damaged and cannot be read. Export it again from the original application.',
  },
  DOCUMENT_TOO_COMPLEX: {
    vi: 'Tệp quá phức tạp để kiểm tra an toàn (quá nhiều trang, dữ liệu nén quá lớn hoặc xử lý quá lâu). Hãy chia nhỏ tệp.',
    en: 'The file is too complex to check safely (too many pages, too much compressed data or too slow). Split it up.',
  },
  DOCUMENT_NAME_INVALID: {
    vi: 'Tên tệp không hợp lệ (chứa đường dẫn hoặc ký tự điều khiển). Hãy đổi tên tệp rồi tải lên lại.',
    en: 'The file name is not valid (it contains a path or control characters). Rename the file and upload it again.',
  },
  DOCUMENT_UPLOAD_INCOMPLETE: {
    vi: 'Tệp tải lên chưa trọn vẹn (mất kết nối hoặc thiếu tệp). Hãy tải lên lại.',
    en: 'The upload was incomplete (connection lost or no file). Please upload again.',
  },
  DOCUMENT_CONVERTER_MISSING: {
    vi: 'Máy chủ chưa cài LibreOffice để chuyển văn bản Office sang PDF. Quản trị cần cài gói libreoffice-writer-nogui, libreoffice-calc-nogui, libreoffice-impress-nogui; hoặc hãy tải lên bản PDF.',
    en: 'LibreOffice is not installed on the server to convert Office files to PDF. The administrator must install libreoffice-writer-nogui, libreoffice-calc-nogui and libreoffice-impress-nogui; or upload a PDF.',
  },
  DOCUMENT_NOT_READABLE: {
    vi: 'Bạn không có quyền đọc tài liệu này.',
    en: 'You are not allowed to read this document.',
  },
  DOCUMENT_NOT_READY: {
    vi: 'Tài liệu đang được chuyển đổi hoặc chuyển đổi không thành công.',
    en: 'The document is still being converted, or its conversion failed.',
  },
  DOCUMENT_DOWNLOAD_FORBIDDEN: {
    vi: 'Tài liệu mật chỉ được đọc trong ứng dụng, không được tải về.',
    en: 'A confidential document is read in the app only; it cannot be downloaded.',
  },
  DOCUMENT_READER_INVALID: {
    vi: 'Người được chỉ định đọc phải là thành phần của cuộc họp.',
    en: 'Named readers must be participants of the meeting.',
  },
  // document notes and comments (docs-notes)
  NOTE_NOT_FOUND: {
    vi: 'Không tìm thấy ghi chú (có thể đã bị xóa trên thiết bị khác). Hãy tải lại danh sách ghi chú.',
    en: 'Note not found (it may have been deleted on another device). Reload the notes.',
  },
  NOTES_LIMIT_REACHED: {
    vi: 'Bạn đã có quá nhiều ghi chú trên tài liệu này. Hãy xóa bớt ghi chú cũ rồi thử lại.',
    en: 'You have too many notes on this document. Delete some old ones and try again.',
  },
  COMMENT_NOT_FOUND: {
    vi: 'Không tìm thấy góp ý này, hoặc đây không phải góp ý của bạn.',
    en: 'Comment not found, or it is not yours.',
  },
  COMMENT_DEADLINE_PASSED: {
    vi: 'Đã hết hạn góp ý cho tài liệu này nên góp ý không được nhận. Nếu cần gia hạn, hãy liên hệ thư ký cuộc họp.',
    en: 'The deadline for comments on this document has passed, so the comment was not accepted. Ask the meeting secretary to extend it.',
  },
  COMMENTS_CLOSED: {
    vi: 'Cuộc họp đã kết thúc nên không nhận góp ý cho tài liệu nữa.',
    en: 'The meeting has ended; comments on its documents are no longer accepted.',
  },
  COMMENT_WITHDRAWN: {
    vi: 'Góp ý này đã được rút trước đó.',
    en: 'This comment has already been withdrawn.',
  },
  COMMENTS_NOT_REQUESTED: {
    vi: 'Tài liệu này không lấy ý kiến góp ý (chưa có hạn góp ý). Nếu cần góp ý, hãy đề nghị thư ký đặt hạn góp ý cho tài liệu.',
    en: 'Comments are not requested on this document (it has no comment deadline). Ask the secretary to set one if comments are needed.',
  },
  // document copies and leak tracing (issue 10)
  COPY_CODE_INVALID: {
    vi: 'Mã bản sao không hợp lệ. Mã gồm 8 ký tự (ví dụ KAMX-4PWC), không có số 0, 1, 2, 5, 6, 8, 9; hãy đọc lại mã in trên trang.',
    en: 'Not a valid copy code. A code has 8 characters (e.g. KAMX-4PWC) and no 0, 1, 2, 5, 6, 8 or 9; read the code printed on the page again.',
  },
  COPY_NOT_FOUND: {
    vi: 'Không có bản sao nào mang mã này trên hệ thống. Hãy kiểm tra lại mã, hoặc tệp không phải bản sao do hệ thống này cấp.',
    en: 'No copy with this code was issued by this system. Check the code; otherwise the file is not a copy from this system.',
  },
  LEAK_FILE_UNREADABLE: {
    vi: 'Không đọc được tệp PDF này. Hãy gửi tệp PDF gốc đã bị lộ, hoặc nhập mã bản sao in trên trang.',
    en: 'This PDF cannot be read. Send the leaked PDF file itself, or type the copy code printed on the page.',
  },
  // follow the presenter (issue 10, docs-web)
  PRESENTATION_NOT_ACTIVE: {
    vi: 'Hiện không có tài liệu nào đang được trình chiếu. Hãy bắt đầu trình chiếu trước.',
    en: 'No document is being presented. Start presenting first.',
  },
  PRESENTATION_PAGE_OUT_OF_RANGE: {
    vi: 'Số trang vượt quá số trang của tài liệu. Hãy chọn một trang trong tài liệu.',
    en: 'The page number is beyond the document. Choose a page within it.',
  },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
