/**
 * Bundles the CLI into dist/ (esbuild, ESM, one chunk per lazily imported command) so a run
 * starts without transpiling TypeScript. Run by turbo's `build` task, on install and before tests.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundled code would resolve files next to itself (`import.meta.url` is the chunk in dist/).
 * Modules that read or require files beside them (the catalog schema, the CRD models' schemas,
 * @kubernetes-models/validate's createRequire) keep their own source URL instead: dist/ is built
 * on the machine it runs on (on install), never committed or copied.
 */
const keepSourceUrls: Plugin = {
  name: 'keep-source-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.(ts|js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const workspace = !args.path.includes(`${sep}node_modules${sep}`);
      const needed = workspace
        ? source.includes('import.meta.url')
        : source.includes('createRequire(import.meta.url)');
      if (!needed) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return {
        contents: source.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

const dist = join(cliDir, 'dist');
// A clean dist/: chunk names carry content hashes, and the Terraform cache belongs to one build.
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: cliDir,
  entryPoints: { routeplane: 'src/cli.ts', 'routeplane-bench': 'src/bench-cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // CommonJS dependencies (cdktn, constructs) call require(); give the bundle one.
  banner: {
    js: "import { createRequire as __routeplaneCreateRequire } from 'node:module'; const require = __routeplaneCreateRequire(import.meta.url);",
  },
  plugins: [keepSourceUrls],
  define: {
    __ROUTEPLANE_BUNDLE__: JSON.stringify({
      buildId: randomUUID(),
      cacheDir: join(dist, 'cache'),
    }),
  },
  logLevel: 'warning',
  legalComments: 'none',
});
