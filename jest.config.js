/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/bot', '<rootDir>/test', '<rootDir>/infra-pulumi'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  globalSetup: '<rootDir>/test/support/dynamodb-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/dynamodb-global-teardown.ts',
  testTimeout: 30000,
};
