// See timeout-integration.ts: project-level `testTimeout` is ignored by jest.
jest.setTimeout(120_000);
