import { adminPasswordProblem } from './password-strength';

describe('the first admin password', () => {
  it.each([
    ['Ngắn1!', 'quá ngắn'],
    ['quantri-Vinh-Phuc-2026', 'tên đăng nhập'],
    ['aaaaaaaaaaaaaaaa', 'khác nhau'],
    ['MyPassword!2026', 'phổ biến'],
    ['Xyz-123456-Abc', 'phổ biến'],
    ['khonghoathuongtuyet', '3 loại ký tự'],
  ])('refuses %s with the reason (%s)', (password, reason) => {
    expect(adminPasswordProblem(password, 'quantri')).toContain(reason);
  });

  it.each(['Đồng-Đa#Khai-Quang7', 'sông hồng chảy qua vĩnh phúc mùa thu'])('accepts %s', (password) => {
    expect(adminPasswordProblem(password, 'quantri')).toBeNull();
  });
});
