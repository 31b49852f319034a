/**
 * Two projects. `fast`: the core on in-memory ports, renderers, config, Pulumi under mocks; no Java,
 * no DynamoDB. `storage`: DynamoDB Local (started once in globalSetup), real HTTP and processes.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' }, // transpile only: tsconfig has isolatedModules; tsc --noEmit type-checks
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'fast',
      roots: ['<rootDir>/bot', '<rootDir>/test', '<rootDir>/infra-pulumi', '<rootDir>/ops', '<rootDir>/bench'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$', '<rootDir>/test/process/'],
    },
    {
      ...shared,
      displayName: 'storage',
      roots: ['<rootDir>/bot', '<rootDir>/test', '<rootDir>/ops'],
      testMatch: ['**/*.int.test.ts', '<rootDir>/test/process/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/dynamodb-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/dynamodb-global-teardown.ts',
    },
  ],
};
