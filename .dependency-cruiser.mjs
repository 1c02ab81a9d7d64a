/**
 * The folder boundaries, checked in CI (npm run boundaries, see docs/architecture.md):
 * nothing imports the front ends (cli/, server/), no two folders depend on each other in a
 * circle, and only the front ends and the World's Node side touch the file system.
 * Type-only imports count: swc reads the source before compilation.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-import-into-cli',
      severity: 'error',
      comment: 'cli/ is a front end: nothing else may import it',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-import-into-server',
      severity: 'error',
      comment: 'server/ is a front end: only the CLI (whose serve command starts it) may import it',
      from: { pathNot: '^src/(server|cli)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'no cycle between folders (A → B → … → A), through any files',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment: 'no cycle between files either',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'disk-only-at-the-edges',
      severity: 'error',
      comment: 'only cli/, server/ and the port’s Node side (world/node*.ts) touch the file system',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/server/', '^src/world/node[^/]*\\.ts$'] },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'no-tests-in-src',
      severity: 'error',
      comment: 'the program never imports its tests',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'every import resolves (a broken .js → .ts mapping would hide the rest)',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no compiler API for dependency-cruiser to parse with; swc reads the .ts files.
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js'],
    },
  },
};
