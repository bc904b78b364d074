/**
 * Unit specs sit beside the code (src/**\/*.spec.ts, and the console's pure logic in web/office/src); e2e specs boot the app (test/e2e), and
 * browser specs (test/browser) drive Debian's chromium against it.
 * A few dependencies ship only ES modules (jose, content-disposition): ts-jest compiles them
 * to CommonJS like our own code, in transpile-only mode (tsc --noEmit typechecks separately).
 */
const transform = {
  '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, sourceMap: true } }],
};
const transformIgnorePatterns = ['/node_modules/(?!(jose|content-disposition)/)'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/office/src/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      slowTestThreshold: 30,
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      slowTestThreshold: 30,
    },
  ],
};
