const base = require('../jest.config.js');
module.exports = { rootDir: require('path').resolve(__dirname, '..'), projects: base.projects.map((p) => ({ ...p, rootDir: require('path').resolve(__dirname, '..'), ...(p.globalSetup && { globalSetup: '<rootDir>/.scratch-interop/global-setup.ts' }) })) };
