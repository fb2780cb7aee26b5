import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * The backend's layers, lowest first (docs/layers.md says why). A folder of src/ may import only the
 * folders listed for it (and common/, the code shared with the frontend); anything else is refused
 * by `no-restricted-imports`. The use cases (audit-day, evidence, gate, import, plan, sync) never
 * import each other, the entry layer (resolvers) nor src/index.ts: what two of them share moves down
 * to platform/ or a capability folder (trail, catalogue, item-map, crosswalk, rollup, findings). Assumes files sit one
 * level inside their folder (src/<folder>/<file>.ts), as they all do.
 */
const BASE = ['domain', 'checklists', 'storage', 'jira'];
const PLATFORM = [...BASE, 'platform'];
const CAPABILITIES = ['trail', 'catalogue', 'item-map', 'crosswalk', 'rollup', 'findings'];
const USE_CASES = ['audit-day', 'evidence', 'gadget', 'gate', 'import', 'plan', 'sync'];
export const SRC_LAYERS = {
  domain: [],
  checklists: ['domain'],
  storage: ['domain'],
  jira: ['domain'],
  platform: BASE,
  trail: PLATFORM,
  catalogue: [...PLATFORM, 'trail'],
  'item-map': [...PLATFORM, 'trail', 'catalogue'],
  crosswalk: [...PLATFORM, 'trail', 'catalogue', 'item-map'],
  rollup: [...PLATFORM, 'trail', 'catalogue', 'item-map', 'crosswalk'],
  findings: [...PLATFORM, 'trail', 'catalogue', 'item-map', 'crosswalk', 'rollup'],
  ...Object.fromEntries(USE_CASES.map((name) => [name, [...PLATFORM, ...CAPABILITIES]])),
  resolvers: [...PLATFORM, ...CAPABILITIES, ...USE_CASES],
};
const NOT_FRONTEND = { group: ['**/static/**', '**/local/**'], message: 'The backend never reaches into the frontend or the local runtime: shared code lives in common/.' };
const escape = (name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
const layerRules = Object.entries(SRC_LAYERS).map(([folder, allowed]) => {
  const ok = allowed.map(escape).join('|');
  const patterns = [
    NOT_FRONTEND,
    {
      regex: ok === '' ? '^\\.\\./(?!\\.\\./common/)' : `^\\.\\./(?!(?:${ok})(?:/|$)|\\.\\./common/)`,
      message: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (and common/): see docs/layers.md. Move what two folders share down a layer instead.`,
    },
    { regex: '^\\.\\.(?:/index)?$', message: `src/${folder} must not import src/index.ts (the entry points).` },
  ];
  if (folder === 'domain') {
    patterns.push({
      regex: `^(?:node:|@forge/|(?:${builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|')})(?:/|$))`,
      message: 'src/domain is pure: no Node built-ins, no Forge packages (I/O belongs in jira/, storage/ or platform/).',
    });
  }
  return { files: [`src/${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});
/** local/ (the Forge runtime, Jira emulator and host pages) imports nothing outside itself. */
const localRules = [0, 1, 2, 3, 4, 5].map((depth) => ({
  files: [`local/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: `^(?:\\.\\./){${depth + 1}}`, message: 'local/ is its own package: it imports nothing from src/, common/ or static/.' }] }],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'static/app/build/', 'coverage/', 'test-artifacts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['static/app/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The backend never reaches into the frontend, nor the reverse: shared code lives in common/.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_FRONTEND] }] },
  },
  ...layerRules,
  ...localRules,
  {
    files: ['static/app/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/src/domain/**', '**/src/jira/**', '**/local/**'] }] },
  },
);
