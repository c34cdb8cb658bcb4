// Lint rules, including the architecture boundaries: lower layers never import upper ones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group.from], message: group.why })) }],
});

const noUi = { from: '**/ui/**', why: 'lower layers must not import UI components' };
const noMap = { from: 'maplibre-gl', why: 'only src/map imports maplibre-gl' };
const noIdb = { from: 'idb', why: 'only src/storage imports idb' };
const noStores = { from: '**/stores/**', why: 'domain, analysis and data do not depend on stores' };
const noPreact = { from: 'preact*', why: 'only UI code uses Preact' };
const noTurf = { from: '@turf/*', why: 'geometry work belongs in src/analysis or src/data' };
const noMapFolder = { from: '**/map/**', why: 'only main.tsx wires the map' };
const noStorageFolder = { from: '**/storage/**', why: 'storage is reached through stores' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'render text as text' },
        { property: 'outerHTML', message: 'render text as text' },
        { property: 'setHTML', message: 'render text as text' },
        { property: 'insertAdjacentHTML', message: 'render text as text' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'render text as text' }],
    },
  },
  { files: ['src/domain/**'], rules: restrict([noUi, noMap, noIdb, noStores, noPreact, noTurf, noMapFolder, noStorageFolder]) },
  { files: ['src/analysis/**'], rules: restrict([noUi, noMap, noIdb, noStores, noPreact, noMapFolder, noStorageFolder]) },
  { files: ['src/data/**'], rules: restrict([noUi, noMap, noIdb, noStores, noPreact, noMapFolder, noStorageFolder]) },
  { files: ['src/storage/**'], rules: restrict([noUi, noMap, noStores, noPreact, noMapFolder]) },
  { files: ['src/stores/**'], rules: restrict([noUi, noMap, noIdb, noPreact, noMapFolder]) },
  { files: ['src/map/**'], rules: restrict([noUi, noIdb, noPreact, noStorageFolder]) },
  { files: ['src/ui/**'], rules: restrict([noMap, noIdb, noTurf, noMapFolder, noStorageFolder]) },
);
