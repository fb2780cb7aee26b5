/**
 * One jest run: node tests for the backend, domain and the local runtime (the workspace package in
 * local/, tests in local/test); jsdom for components. The product imports the package by name
 * (@msp-audit-ready/forge-local); jest resolves node_modules/@msp-audit-ready/forge-local to its
 * real path (local/), which is outside node_modules, so @swc/jest transforms its TypeScript.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ES-module-only package openapi-backend requires but never calls in quick mode (see the stub).
  moduleNameMapper: { '^@apidevtools/json-schema-ref-parser$': '<rootDir>/test/support/ref-parser-stub.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/local/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      moduleNameMapper: { '\\.(css)$': '<rootDir>/test/components/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/test/components/setup.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
