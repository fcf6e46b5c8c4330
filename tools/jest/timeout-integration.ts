// `testTimeout` is a global jest option: inside `projects` it is ignored and every hook and test
// would get jest's 5 s default, which a loaded 2-core machine exceeds while starting an app.
// Each project that starts real servers sets its own limit here instead.
jest.setTimeout(60_000);
