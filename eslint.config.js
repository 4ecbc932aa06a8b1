// ESLint 9 flat config: eslint-plugin-office-addins' recommended rules + typescript-eslint recommended.
// Prettier formatting ("prettier/prettier" in the plugin's preset) is deliberately left out: lint checks
// code, not layout, and the plugin's preset bundles an older typescript-eslint we must not register twice.
'use strict';
const officeAddins = require('eslint-plugin-office-addins');
const tseslint = require('typescript-eslint');

const preset = officeAddins.configs.recommended;
// The preset is [@eslint/js recommended, eslint-config-prettier, { office-addins block }].
const jsRecommended = preset.find((c) => c.rules && c.rules['no-dupe-keys'] !== undefined && !c.plugins);
const officeBlock = preset.find((c) => c.plugins && c.plugins['office-addins']);
if (!jsRecommended || !officeBlock) {
  throw new Error('eslint.config.js: unexpected shape of eslint-plugin-office-addins recommended preset');
}
const officeRules = Object.fromEntries(
  Object.entries(officeBlock.rules).filter(([name]) => !name.startsWith('prettier/')),
);

// Files that talk to Office.js. The load/sync rules are heuristics on property reads: on ExcelJS
// code (src/xlsx: `cell.value`) or plain data (src/core) they only raise false alarms.
const OFFICE_JS_FILES = ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [jsRecommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: OFFICE_JS_FILES,
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
