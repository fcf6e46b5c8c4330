import type { LoggerService } from '@nestjs/common';
import { parseEnv } from './env';
import { logFormat, QuietNestLogger } from './logging';

describe('log format', () => {
  it.each([
    [{}, 'pretty'], // npm start on a laptop: development
    [{ NODE_ENV: 'production' }, 'json'],
    [{ NODE_ENV: 'test' }, 'json'],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, 'pretty'],
    [{ LOG_FORMAT: 'json' }, 'json'],
  ])('%j → %s', (vars, format) => {
    expect(logFormat(parseEnv(vars))).toBe(format);
  });

  it('refuses an unknown LOG_FORMAT, naming it', () => {
    expect(() => parseEnv({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('QuietNestLogger', () => {
  it("sends Nest's start-up listing to debug and everything else through unchanged", () => {
    const seen: [string, unknown, unknown[]][] = [];
    const record =
      (level: string) =>
      (message: unknown, ...optional: unknown[]) =>
        seen.push([level, message, optional]);
    const inner: LoggerService = {
      log: record('info'),
      debug: record('debug'),
      warn: record('warn'),
      error: record('error'),
    };
    const logger = new QuietNestLogger(inner);
    logger.log('Mapped {/api/v1/meetings, GET} route', 'RouterExplorer');
    logger.log('MeetingsModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('careful', 'Auth');
    expect(seen.map(([level, message]) => [level, message])).toEqual([
      ['debug', 'Mapped {/api/v1/meetings, GET} route'],
      ['debug', 'MeetingsModule dependencies initialized'],
      ['info', 'Nest application successfully started'],
      ['warn', 'careful'],
    ]);
    expect(seen[0][2]).toEqual(['RouterExplorer']);
  });
});
