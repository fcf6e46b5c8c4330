import { ConfigError, parseEnv, resolveConfig } from './env';

describe('environment configuration', () => {
  it('has defaults that start the product on a fresh machine', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_PASSWORD).toBe('vinhphuc2025');
    const config = resolveConfig(env);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('seeds only when asked once an external database is configured', () => {
    expect(resolveConfig(parseEnv({ DATABASE_URL: 'postgres://u@h/db' })).SEED_DEMO).toBe(false);
    expect(resolveConfig(parseEnv({ DATABASE_URL: 'postgres://u@h/db', SEED_DEMO: 'true' })).SEED_DEMO).toBe(
      true,
    );
  });

  it('names every wrong variable', () => {
    expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(
      ConfigError,
    );
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('JWT_SECRET');
    }
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('splits the allowed origins', () => {
    expect(parseEnv({ ALLOWED_ORIGINS: 'https://a.vn, https://b.vn' }).ALLOWED_ORIGINS).toEqual([
      'https://a.vn',
      'https://b.vn',
    ]);
  });
});
