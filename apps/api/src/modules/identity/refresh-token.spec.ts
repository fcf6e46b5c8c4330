import {
  formatRefreshToken,
  hashRefreshSecret,
  newRefreshSecret,
  parseRefreshToken,
  refreshSecretMatches,
} from './refresh-token';

describe('refresh token', () => {
  const sessionId = '3f2b8c1e-5d4a-4b7e-9c2f-1a2b3c4d5e6f';

  it('round-trips <sessionId>.<secret>', () => {
    const secret = newRefreshSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseRefreshToken(formatRefreshToken({ sessionId, secret }))).toEqual({ sessionId, secret });
  });

  it('refuses anything else', () => {
    const secret = newRefreshSecret();
    for (const value of [
      undefined,
      42,
      '',
      'abc',
      `${sessionId}.`,
      `.${secret}`,
      `${sessionId}.${secret}x`,
      `${sessionId}.${secret}.x`,
      `x${sessionId}.${secret}`,
    ]) {
      expect(parseRefreshToken(value)).toBeNull();
    }
  });

  it('matches a secret only against its own hash', () => {
    const secret = newRefreshSecret();
    const stored = hashRefreshSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(refreshSecretMatches(secret, stored)).toBe(true);
    expect(refreshSecretMatches(newRefreshSecret(), stored)).toBe(false);
    expect(refreshSecretMatches(secret, 'not-a-hash')).toBe(false);
  });
});
