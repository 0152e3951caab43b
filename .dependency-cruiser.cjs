// Imports run one way: no cycle between files, and none between folders of server/ and client/
// (`npm run check:layers`, run by the test suite). Types-only imports do not count: they vanish at
// build. How the layers stand is described in CONTRIBUTING.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'A file imports a file that imports it back, directly or through others.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment: 'A folder imports, at run time, a folder that imports it back, directly or through others.',
      from: { path: '^(server|client)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
