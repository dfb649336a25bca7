// Handlers log every request; in the test output only warnings and errors are worth reading.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
