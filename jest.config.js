/**
 * One `npm test` runs every suite:
 *  - unit:        pure rules and services (libs/common, apps/api *.spec.ts)
 *  - integration: real PostgreSQL + real socket.io clients (apps/api *.int-spec.ts, tests/*.int-spec.ts)
 *  - e2e:         the built app in Debian's Chromium via playwright-core (e2e/*.e2e-spec.ts)
 * Integration and e2e share one global setup: a PostgreSQL (embedded unless DATABASE_URL is set)
 * with a migrated template database that each test file clones.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@phonghop/common$': '<rootDir>/libs/common/src/index.ts' },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  // Jest reads testTimeout from the root config only (a project's own is ignored), and it bounds
  // hooks too: a beforeAll that starts an app and signs people in must not fail at 5 s on a busy
  // machine. e2e files raise it further with jest.setTimeout.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/*/src/**/*.spec.ts',
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
        '<rootDir>/apps/web/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/src/**/*.int-spec.ts', '<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
      testTimeout: 60_000,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
      testTimeout: 120_000,
    },
  ],
};
