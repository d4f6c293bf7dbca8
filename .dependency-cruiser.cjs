/**
 * The house rules (docs/CONTRIBUTING.md), checked by dependency-cruiser in `npm test` (test/architecture.test.ts).
 * Capabilities: journey, sessions, matching, relationship, broadcast. What they all stand on: src/platform.
 */
const CAPABILITY = '(journey|sessions|matching|relationship|broadcast|privacy|workspace)';
/** npm packages that are pure computation (no I/O, no clock), which a domain may use: munkres (optimal assignment). */
const PURE_LIBRARIES = 'node_modules/munkres/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part out so the imports run one way.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment:
        'A domain/ folder holds pure rules: it imports its own domain, other capabilities\' domain faces (domain/index.ts) and ' +
        'the pure kernels in src/platform/kernel; never an SDK, node: I/O, a use case, storage or Teams.',
      from: { path: `^src/${CAPABILITY}/domain/` },
      to: {
        pathNot: [`^src/$1/domain/`, `^src/${CAPABILITY}/domain/index\\.ts$`, '^src/platform/kernel/', PURE_LIBRARIES],
      },
    },
    {
      name: 'kernel-stays-pure',
      severity: 'error',
      comment: 'src/platform/kernel holds pure helpers (time, text, results, people): no SDK, no I/O, nothing above it.',
      from: { path: '^src/platform/kernel/' },
      to: { pathNot: ['^src/platform/kernel/'] },
    },
    {
      name: 'capability-through-its-face',
      severity: 'error',
      comment: 'A capability uses another only through its index.ts (or, from a domain, its domain/index.ts).',
      from: { path: `^src/${CAPABILITY}/` },
      to: {
        path: `^src/${CAPABILITY}/`,
        pathNot: ['^src/$1/', `^src/${CAPABILITY}/index\\.ts$`, `^src/${CAPABILITY}/domain/index\\.ts$`],
      },
    },
    {
      name: 'platform-knows-no-capability',
      severity: 'error',
      comment: 'src/platform is what every capability stands on; it never imports one (main.ts wires them together).',
      from: { path: '^src/platform/' },
      to: { path: `^src/${CAPABILITY}/` },
    },
    {
      name: 'use-cases-know-no-adapters',
      severity: 'error',
      comment: 'app/ (use cases and their ports) never imports storage, Teams or Graph adapters; they are handed in.',
      from: { path: `^src/${CAPABILITY}/app/` },
      to: { path: [`^src/${CAPABILITY}/(store|teams|graph|web)/`, '^src/platform/(storage|teams|directory)/'] },
    },
    {
      name: 'bot-framework-sdk-in-one-folder',
      severity: 'error',
      comment: 'botbuilder and @microsoft/teams-ai (past end of support) are imported only in src/platform/teams.',
      from: { pathNot: '^src/platform/teams/' },
      to: { path: '(^|node_modules/)(botbuilder[^/]*|botframework-[^/]+|@microsoft/teams-ai)(/|$)' },
    },
    {
      name: 'azure-storage-in-store-folders',
      severity: 'error',
      comment: '@azure/data-tables and @azure/storage-queue are used only in store/ folders and src/platform/storage.',
      from: { path: '^src/', pathNot: [`^src/${CAPABILITY}/store/`, '^src/platform/storage/', '^src/platform/feature\\.ts$', `^src/${CAPABILITY}/[^/]+\\.ts$`, '^src/main\\.ts$'] },
      to: { path: '(^|node_modules/)@azure/(data-tables|storage-queue)(/|$)' },
    },
    {
      name: 'graph-client-in-directory-and-calendar',
      severity: 'error',
      comment: 'The Graph client is used only in src/platform/directory and the calendar gateway (src/sessions/graph).',
      from: { path: '^src/', pathNot: ['^src/platform/directory/', '^src/sessions/graph/', '^src/platform/feature\\.ts$', '^src/main\\.ts$'] },
      to: { path: '(^|node_modules/)@microsoft/microsoft-graph-client(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
