import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Who may import whom (docs: CONVENTIONS.md). Each library lists the libraries it may import; dependencies point
// down the domain.
const layers = {
  contracts: [],
  core: ['contracts'],
  safety: ['contracts'],
  identity: ['core', 'contracts'],
  groups: ['identity', 'core', 'contracts'],
  chat: ['groups', 'identity', 'core', 'contracts'],
  moderation: ['chat', 'groups', 'identity', 'safety', 'core', 'contracts'],
  journal: ['chat', 'groups', 'identity', 'safety', 'core', 'contracts'],
  questionnaires: ['journal', 'moderation', 'groups', 'identity', 'core', 'contracts'],
  notifications: [
    'chat',
    'groups',
    'identity',
    'moderation',
    'questionnaires',
    'safety',
    'core',
    'contracts',
  ],
};

function whyNot(from, to) {
  if (from === to)
    return `${from} imports its own files relatively: through @hearth/${from} it would import itself`;
  if (from === 'contracts') return 'contracts imports nothing of the project: the web client bundles it';
  if (from === 'core') return `core knows no domain: let ${to} depend on core, not the other way`;
  if (to === 'notifications')
    return "nobody imports notifications but apps/api: it listens to the other libraries' events";
  if (from === 'groups')
    return `groups never imports ${to}: emit a domain event instead, and let ${to} listen`;
  if (from === 'chat')
    return `chat never imports ${to}: chat owns the interface (e.g. MessagePipelineStep) and ${to} implements it`;
  if (layers[to].includes(from))
    return `${from} never imports ${to}: ${to} depends on ${from}, so emit an event instead`;
  return `${from} never imports ${to}: they are siblings, so share through chat's interfaces or domain events`;
}

const deepPath = {
  regex: '^@hearth/[^/]+/',
  message: 'import a library only through its index (@hearth/<name>), never its internals by a deep path.',
};

// no-restricted-imports matches the import text and does not resolve it, so "a relative import leaves its folder"
// is counted in `..` segments: a file d folders below the folder's root leaves it with d + 1 of them. One block per
// depth (they never overlap, so none replaces another's option), and `x/..` is refused so the count is exact.
// Files deeper than MAX_DEPTH may not climb at all. (import-x/no-restricted-paths resolves instead, but it skips
// every import its resolver cannot follow, such as nodenext's `./x.js` for x.ts, so a misconfiguration passes silently.)
const MAX_DEPTH = 6;
const sources = '*.{ts,tsx,mts,cts,js,mjs,cjs}';
const climb = (n) => `^(?:\\.\\.(?:/|$)){${n}}`;
const unnormalized = {
  regex: '(?:^|/)(?!\\.\\.(?:/|$))[^/]+/\\.\\.(?:/|$)',
  message:
    "write relative paths without 'x/..' or './..', so the boundary rules can count how far they climb.",
};

function boundaries(root, aliasPatterns, escaping) {
  const depths = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`${root}/${'*/'.repeat(depth)}${sources}`],
    escapes: escaping(depth),
  }));
  depths.push({
    files: [`${root}/${'*/'.repeat(MAX_DEPTH + 1)}**/${sources}`],
    escapes: [
      { regex: '^\\.\\.', message: `this file is deeper than MAX_DEPTH in eslint.config.js: raise it.` },
    ],
  });
  return depths.map(({ files, escapes }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...aliasPatterns, deepPath, unnormalized, ...escapes] },
      ],
    },
  }));
}

const libraryBoundaries = Object.entries(layers).flatMap(([name, allowed]) =>
  boundaries(
    `libs/${name}`,
    Object.keys(layers)
      .filter((other) => !allowed.includes(other))
      .map((other) => ({ regex: `^@hearth/${other}$`, message: whyNot(name, other) })),
    (depth) => [
      {
        regex: `${climb(depth + 2)}(?:apps|test|bench)(?:/|$)`,
        message:
          'no library imports apps/, test/ or bench/: they depend on the libraries, never the reverse.',
      },
      {
        regex: `${climb(depth + 1)}(?!\\.\\./(?:apps|test|bench)(?:/|$))`,
        message: `a relative import never leaves libs/${name}: import another library by its alias (@hearth/<name>).`,
      },
    ],
  ),
);

const contractsOnly = (who, why) => ({
  regex: '^@hearth/(?!contracts$)[^/]+$',
  message: `${who} imports only @hearth/contracts from the libraries: ${why}`,
});

const appBoundaries = [
  ...boundaries('apps/api', [], (depth) => [
    {
      regex: climb(depth + 1),
      message:
        'apps/api imports libraries by alias (@hearth/<name>), never by a relative path out of apps/api.',
    },
  ]),
  ...boundaries('apps/web', [contractsOnly('apps/web', 'no server code may reach the bundle.')], (depth) => [
    {
      regex: climb(depth + 1),
      message: 'apps/web imports nothing out of apps/web by a relative path: @hearth/contracts by its alias.',
    },
  ]),
  ...boundaries('test', [], (depth) => [
    {
      regex: `${climb(depth + 1)}(?!apps/)`,
      message: 'tests import libraries by alias (@hearth/<name>); only apps/ is reached by a relative path.',
    },
  ]),
  ...boundaries('bench', [contractsOnly('bench', 'it drives the built server from outside.')], (depth) => [
    {
      regex: `${climb(depth + 1)}(?!test/support/)`,
      message: 'bench reaches only test/support/ by a relative path; @hearth/contracts by its alias.',
    },
  ]),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The service worker is plain JavaScript run in the worker's global scope (see its opening comment).
    files: ['apps/web/src/service-worker/*.js'],
    languageOptions: {
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  ...libraryBoundaries,
  ...appBoundaries,
);
