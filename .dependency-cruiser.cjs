/**
 * The layers of Sourcebook, bottom first. Each layer imports only layers below it (and itself);
 * `npm run lint:layers` (run by .ci/run) fails on any upward import or cycle.
 * docs/architecture.md draws the same diagram.
 */
const LAYERS = [
  ['base', '^src/(db|segment)/|^src/(paths|config)\\.ts$|^src/corpus/(metadata|json-file)\\.ts$'], // the corpus metadata schema (and its file reader) is what the segmenter reads
  ['readings', '^src/readings/'], // user documents read into canonical Markdown; uses the segmenter's text helpers and metadata schema
  ['corpus', '^src/(corpus/(?!(metadata|json-file)\\.ts$)|people/|search/)'],
  ['core', '^src/core/'],
  ['answer', '^src/answer/'],
  ['services', '^src/(quiz|moderation)/'],
  ['store', '^src/store/'], // the state store seam over the services' SQL: SQLite and PostgreSQL (#16)
  ['commands', '^src/commands/'],
  ['app', '^src/app/'],
  ['adapters', '^adapters/'],
  ['cli', '^src/cli/'],
];

const above = (i) => LAYERS.slice(i + 1).map(([, path]) => `(${path})`).join('|');

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-upward`,
      comment: `${name} may import only the layers below it`,
      severity: 'error',
      from: { path },
      to: { path: above(i) },
    })),
    {
      name: 'no-cycles',
      comment: 'Modules do not import each other, directly or round about',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { circular: true },
    },
    {
      name: 'bench-imports-no-tests',
      comment: 'Benchmarks measure the product; they share the loopback fakes with the tests, not the tests',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'product-imports-no-tests',
      comment: 'The product runs without its tests and without the loopback fakes of Discord and Slack',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { path: '^(test|loopback)/' },
    },
    {
      name: 'neutral-core-knows-no-platform',
      comment: 'Only adapters (and the CLI that starts them) reach Discord and Slack',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: 'node_modules/(discord\\.js|@discordjs|@slack)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
