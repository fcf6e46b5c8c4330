// Under jest the sources are TypeScript: a worker thread has no jest transform, so this entry
// compiles the worker's .ts files with @swc/core (a dev dependency) as they are required.
// The built API uses stamp.worker.js directly and never loads this file.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

module.exports = require('./stamp.worker.ts');
