// `npm run iam-policy -- --env NAME`: bundles the iam-policy command on the
// fly and runs it, so it works before the main command-line entry exists.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'cli', 'iam-policy.cjs');

await build({
  stdin: {
    contents: [
      "import { runIamPolicyCommand } from './src/cli/commands/iamPolicy';",
      'runIamPolicyCommand(process.argv.slice(2)).then((code) => { process.exitCode = code; });',
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});

await import(pathToFileURL(outfile).href);
