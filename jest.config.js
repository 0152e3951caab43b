// Two projects: fast unit tests, and API tests against a real database (SQLite per worker, or
// PostgreSQL when OOGST_TEST_DB=pg). Browser tests run separately (npm run test:e2e).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    {
      displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], transform, testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts', setupFiles: ['<rootDir>/tests/helpers/env.ts'],
    },
  ],
};
