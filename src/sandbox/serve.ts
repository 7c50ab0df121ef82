import { useQuietConsoleLogging } from '../main/logger';
import { startSandbox } from './index';

/** Reads `--name value` from the command line. */
function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The standalone sandbox (`npm run sandbox`): serves on loopback until interrupted. */
async function main(): Promise<void> {
  useQuietConsoleLogging();
  const sandbox = await startSandbox({
    port: Number(argument('port') ?? process.env.OPSDESK_SANDBOX_PORT ?? 4577),
    timeScale: Number(argument('time-scale') ?? 1),
    seed: Number(argument('seed') ?? 1),
    logEventsPerGroup: Number(argument('log-events') ?? 3000),
  });
  const facts = sandbox.controls.facts();
  process.stdout.write(
    `Opsdesk sandbox: ${sandbox.endpoint}\n` +
      `  account ${facts.accountId}, region ${facts.region}, cluster ${facts.clusterName}\n` +
      `  try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test /usr/bin/aws --endpoint-url ${sandbox.endpoint} --region ${facts.region} sts get-caller-identity\n` +
      `  controls: POST ${sandbox.endpoint}/_sandbox/{throttle,fail-next,page-shape,reset}, GET ${sandbox.endpoint}/_sandbox/facts\n`,
  );

  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
