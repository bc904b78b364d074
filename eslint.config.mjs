// The team's decisions that a type checker alone does not enforce: no forgotten promises,
// exhaustive switches over unions, no focused or skipped tests, and which folder may import
// which library (the only importer of jose is signing/keys, of pdfkit/qrcode/fontkit is pdf;
// controllers never reach the database).
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const TS_FILES = ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/office/src/**/*.spec.ts'];

/** A `no-restricted-imports` entry for each library, with the folder it belongs to. */
function onlyIn(home, names) {
  return names.map((name) => ({ name, message: `${name} is imported only in ${home}.` }));
}
const JOSE = onlyIn('src/signing and src/keys', ['jose']);
const PDF_LIBRARIES = onlyIn('src/pdf', ['pdfkit', 'qrcode', 'fontkit']);
const deepImports = (paths) => paths.map(({ name, message }) => ({ group: [`${name}/*`], message }));
const NO_DATABASE_IN_CONTROLLERS = ['typeorm', '@nestjs/typeorm'].map((name) => ({
  name,
  message: 'Controllers call a service; repositories and queries live behind it.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'data/**', 'keys/**'] },
  {
    files: TS_FILES,
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { jest },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
    },
  },
  {
    // Jest's matchers take methods unbound (`expect(service.issue).toHaveBeenCalled()`).
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Jest's asymmetric matchers (`expect.objectContaining(…)`, `expect.any(String)`) are typed `any`.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-unsafe-argument': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The e2e specs read JSON response bodies (`ApiResponse.body`, the harness's one `any`) and
    // assert their shape with `expect`; typing each body first would only restate the assertion.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Import boundaries. ESLint keeps only the last matching options of a rule, so each folder
  // lists every library it may not import.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/signing/**', 'src/keys/**', 'src/pdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...JOSE, ...PDF_LIBRARIES], patterns: deepImports([...JOSE, ...PDF_LIBRARIES]) },
      ],
    },
  },
  {
    files: ['src/signing/**/*.ts', 'src/keys/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PDF_LIBRARIES, patterns: deepImports(PDF_LIBRARIES) }],
    },
  },
  {
    files: ['src/pdf/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: JOSE, patterns: deepImports(JOSE) }] },
  },
  {
    // A separate rule from the library boundaries above, so both apply to a controller.
    files: ['src/**/*.controller.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: NO_DATABASE_IN_CONTROLLERS, patterns: deepImports(NO_DATABASE_IN_CONTROLLERS) },
      ],
    },
  },

  {
    // The build script and tool configs: plain JavaScript on Node, no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        console: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  {
    // The office console runs in the browser, bundled by Vite (tsconfig.office.json type-checks
    // it; its .vue files are compiled by the build).
    files: ['web/office/**/*.ts', 'web/office/**/*.mts'],
    ignores: ['web/office/**/*.spec.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.office.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  { ignores: ['web/office/src/api/schema.d.ts'] },
);
