/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@hearth/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/api/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  testTimeout: 30000,
  // Two workers: the end-to-end suites wait on I/O as much as they compute, so two share a 2-core machine well
  // (the whole suite takes about half as long as with one).
  maxWorkers: 2,
  // Each ESM test file evaluates the app's modules afresh and a worker keeps what they held: restart a worker
  // whose heap has grown past this after a file, rather than let it slow down in garbage collection.
  workerIdleMemoryLimit: '1500MB',
};
