// Browser tests: real Chromium (Debian's) driven by playwright-core against a running server
// (BASE_URL), one file after another. Started by tests/e2e/run.sh, which owns the server.
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  testEnvironment: 'node',
  testTimeout: 90_000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/tests/e2e/sequencer.js',
};
