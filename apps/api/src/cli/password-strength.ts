/**
 * Why a password is too weak for a system administrator, or null when it is strong enough. The
 * first admin of a production database guards everything else, so the bar is higher than the
 * 8 characters a member's password needs: long, not the username, not a well-known password,
 * not one character repeated or a keyboard run. Each reason says what to do instead.
 */
export function adminPasswordProblem(password: string, username: string): string | null {
  const lower = password.toLowerCase();
  if (password.length < 12) {
    return `Mật khẩu quá ngắn (${password.length} ký tự): cần ít nhất 12 ký tự. / Too short: use at least 12 characters.`;
  }
  if (password.length > 200) return 'Mật khẩu quá dài: tối đa 200 ký tự. / Too long: at most 200 characters.';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) {
    return 'Mật khẩu chứa tên đăng nhập: hãy chọn mật khẩu khác. / It contains the username: choose another.';
  }
  if (new Set(password).size < 5) {
    return 'Mật khẩu lặp lại quá ít ký tự khác nhau: cần ít nhất 5 ký tự khác nhau. / Too few different characters (at least 5).';
  }
  if (COMMON.some((word) => lower.includes(word))) {
    return 'Mật khẩu chứa một chuỗi quá phổ biến (như "password", "123456", "qwerty", "admin"): hãy dùng một cụm từ riêng. / It contains a well-known sequence: use a phrase of your own.';
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && password.length < 20) {
    return 'Mật khẩu cần ít nhất 3 loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu), hoặc dài từ 20 ký tự. / Use 3 kinds of characters (lower, upper, digits, symbols), or 20 characters or more.';
  }
  return null;
}

/** Sequences found in most leaked-password lists (and the product's own words). */
const COMMON = [
  'password',
  'passw0rd',
  'matkhau',
  '123456',
  '12345678',
  'qwerty',
  'abc123',
  'admin',
  'letmein',
  'iloveyou',
  '111111',
  'phonghop',
];
