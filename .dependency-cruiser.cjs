// @ts-check
/**
 * The architecture's boundaries, checked in CI (`npm run check:boundaries`, docs/decisions/011).
 *
 * Paths are relative to the repository root (the `baseDir` of the cruise); test/boundaries.test.ts
 * runs the same rules against a small fake tree (test/boundaries-fixture) with deliberate
 * violations, and against the real src, which must be clean.
 */

const M = 'src/server/modules';

/**
 * Temporary exceptions to `module-through-public-surface`: each is one exact from-file → to-file
 * edge where a module still uses another module's repository instead of its service: the service
 * takes the repository, and the module's manifest (<module>.module.ts) builds it. Both lines of a
 * pair go when the module goes through the other's service; nothing else belongs here
 * (test/boundaries.test.ts fails on a line whose import is gone).
 *
 * @type {Array<[from: string, to: string]>}
 */
const temporaryExceptions = [];

const escape = (/** @type {string} */ path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (/** @type {string} */ path) => `^${escape(path)}$`;
/** Exactly this file of a module, capturing the module's name as $1 like IN_MODULE does. */
function exactlyInModule(/** @type {string} */ path) {
  const [, module, rest] = /^src\/server\/modules\/([^/]+)\/(.+)$/.exec(path) ?? [];
  if (!module) throw new Error(`.dependency-cruiser.cjs: not a file of a module: ${path}`);
  return `^src/server/modules/(${escape(module)})/${escape(rest)}$`;
}

/** A file inside a module folder; $1 is the module's name. */
const IN_MODULE = '^src/server/modules/([^/]+)/';
/** Any module's public surface. */
const INDEX = '^src/server/modules/[^/]+/index\\.ts$';
/**
 * Demo data, tests and test builders may also read another module's demo data and test builders
 * (its *.seed.ts and *.factories.ts): they describe the same demo zone, never run in a request.
 */
const FIXTURE_USER = '\\.(seed|test|factories)\\.ts$';
const FIXTURES = '^src/server/modules/[^/]+/[^/]+\\.(seed|factories)\\.ts$';

/**
 * Rule 4, written as one rule per kind of importer so that an exception exempts exactly its edge:
 * every other import of the excepted file is still checked.
 *
 * @returns {import('dependency-cruiser').IForbiddenRuleType[]}
 */
function moduleThroughPublicSurface(/** @type {Array<[string, string]>} */ exceptions) {
  /** @type {Map<string, string[]>} */
  const byFrom = new Map();
  for (const [from, to] of exceptions) {
    if (new RegExp(FIXTURE_USER).test(from)) throw new Error(`.dependency-cruiser.cjs: an exception from a seed, test or test builder: ${from}`);
    byFrom.set(from, [...(byFrom.get(from) ?? []), to]);
  }
  const name = 'module-through-public-surface';
  const comment =
    "A module reaches another module only through that module's index.ts, never another file of it (in particular " +
    "never its repository); seeds and tests may also read another module's *.seed.ts and *.factories.ts.";
  const otherModule = { path: '^src/server/modules/[^/]+/', pathNot: ['^src/server/modules/$1/'] };
  return [
    {
      name,
      comment,
      severity: 'error',
      from: { path: IN_MODULE, pathNot: [FIXTURE_USER, ...[...byFrom.keys()].map(exactly)] },
      to: { ...otherModule, pathNot: [...otherModule.pathNot, INDEX] },
    },
    {
      name,
      comment,
      severity: 'error',
      from: { path: IN_MODULE + '.*' + FIXTURE_USER },
      to: { ...otherModule, pathNot: [...otherModule.pathNot, INDEX, FIXTURES] },
    },
    ...[...byFrom].map(([from, tos]) => ({
      name,
      comment: `${comment} Temporary exceptions for ${from}: ${tos.join(', ')}.`,
      severity: /** @type {const} */ ('error'),
      from: { path: exactlyInModule(from) },
      to: { ...otherModule, pathNot: [...otherModule.pathNot, INDEX, ...tos.map(exactly)] },
    })),
  ];
}

/**
 * The configuration with these exceptions to rule 4.
 *
 * @returns {import('dependency-cruiser').IConfiguration}
 */
const configuration = (/** @type {Array<[string, string]>} */ exceptions) => ({
  forbidden: [
    {
      name: 'contract-stands-alone',
      comment: 'src/contract is shared by server and web: it imports only zod and other npm packages, and other contract files.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'contract-runs-in-the-browser',
      comment: 'src/contract is bundled into the web app: no Node built-ins outside its tests.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-not-to-server',
      comment: 'The web app talks to the server over HTTP through src/contract; it never imports server code.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'platform-and-db-not-to-modules',
      comment: 'platform/ and db/ are below the domain modules: modules use them, never the other way round.',
      severity: 'error',
      from: { path: '^src/server/(platform|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'platform-and-db-not-to-modules',
      comment: "A test of platform/ or db/ runs the real app and may read a module's demo data and test builders, nothing else of it.",
      severity: 'error',
      from: { path: '^src/server/(platform|db)/.*\\.test\\.ts$' },
      to: { path: '^src/server/modules/', pathNot: FIXTURES },
    },
    {
      name: 'db-is-the-bottom-layer',
      comment: 'db/ (schema, client, versioned updates) is below platform/ and the modules: it imports neither.',
      severity: 'error',
      from: { path: '^src/server/db/' },
      to: { path: '^src/server/', pathNot: '^src/server/db/' },
    },
    ...moduleThroughPublicSurface(exceptions),
    {
      name: 'no-cycle-between-modules',
      comment: 'Modules depend on each other in one direction only: no import cycle runs through two modules.',
      severity: 'error',
      from: { path: IN_MODULE },
      to: { circular: true, via: { pathNot: '^src/server/modules/$1/' } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would hide a dependency from these rules.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
});

module.exports = configuration(temporaryExceptions);

// For test/boundaries.test.ts, which checks every exception is still a real import, and gives the
// fixture tree an exception of its own. Not enumerable: dependency-cruiser refuses unknown keys.
Object.defineProperty(module.exports, 'temporaryExceptions', { value: temporaryExceptions, enumerable: false });
Object.defineProperty(module.exports, 'withExceptions', { value: configuration, enumerable: false });
