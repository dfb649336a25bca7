/** Jest projects: pure units, function integration (DynamoDB Local), infra synth, and browser e2e. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'shared', roots: ['<rootDir>/shared/src'] },
    { ...common, displayName: 'functions', roots: ['<rootDir>/functions/src'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/tests/integration'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    { ...common, displayName: 'infra', roots: ['<rootDir>/infra/test'] },
    { ...common, displayName: 'docs', roots: ['<rootDir>/tests/docs'] },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/tests/e2e'],
      globalSetup: '<rootDir>/tests/support/e2e-setup.ts',
      globalTeardown: '<rootDir>/tests/support/e2e-teardown.ts',
    },
  ],
};
