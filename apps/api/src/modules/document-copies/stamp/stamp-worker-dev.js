// Under jest the sources are TypeScript and a worker thread has no jest transform: compile them
// with swc as they load. The built API uses stamp.worker.js directly.
require('./swc-register');
module.exports = require('./stamp.worker.ts');
