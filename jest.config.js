/**
 * Two projects: fast unit tests beside the code, and tests that need the real PostgreSQL
 * (end-to-end tests in test/ and the event store's contract suite). One embedded PostgreSQL
 * is started for the whole run (or DATABASE_URL is used); each test file gets its own database.
 */
const moduleNameMapper = {
  '^@ledger/(domain|event-store|read-models|platform|application)$': '<rootDir>/libs/$1/src',
  '^@ledger/(domain|event-store|read-models|platform|application)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
};

module.exports = {
  // A global setting in jest 30 (per-project values are ignored): end-to-end tests start real processes.
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
    },
  ],
};
