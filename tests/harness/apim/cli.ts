/**
 * The real APIM Management API harness from the command line.
 *
 *   tsx tests/harness/apim/cli.ts build   assemble the home with Maven (prints "cached" when complete)
 *   tsx tests/harness/apim/cli.ts up      start PostgreSQL + the Management API, print the URLs, run until
 *                                         SIGINT/SIGTERM, then stop both and clean up
 *
 * Environment: GSO_REAL_CACHE (cache root), GSO_APIM_HOME (use an existing home), GSO_APIM_JAVA_HOME,
 * GSO_PG_BIN, GSO_MVN.
 */
import { assembleApimHome } from './assemble-apim.ts';
import { startRealApim } from './real-apim.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function build(): Promise<void> {
  const assembly = await assembleApimHome({ log });
  log(
    `${assembly.cached ? 'cached' : 'assembled'}: ${assembly.home} (${(assembly.durationMs / 1000).toFixed(1)} s total)`,
  );
}

async function up(): Promise<void> {
  // A signal during the start exits at once: the harness's exit hook kills the children and removes the
  // run directory. Once the API is up, a signal stops it gracefully instead.
  let onSignal: (signal: NodeJS.Signals) => void = (signal) => {
    log(`${signal} during start: exiting`);
    process.exit(130);
  };
  process.on('SIGINT', (signal) => onSignal(signal));
  process.on('SIGTERM', (signal) => onSignal(signal));

  const apim = await startRealApim({ log });
  log('');
  log(`Management API ${apim.version} (Java ${apim.javaVersion})`);
  log(`  base URL        ${apim.baseUrl}`);
  log(
    `  management v2   ${apim.managementV2}/organizations/${apim.organizationId}/environments/${apim.environmentId}`,
  );
  log(
    `  automation      ${apim.automation}/organizations/${apim.organizationId}/environments/${apim.environmentId}`,
  );
  log(`  credentials     ${apim.admin.username} / ${apim.admin.password}`);
  log(`  PostgreSQL      127.0.0.1:${apim.ports.postgres}`);
  log(`  logs            ${apim.logs.apim}, ${apim.logs.postgres}`);
  log('Ctrl-C stops it.');

  const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
    onSignal = resolveSignal;
  });
  log(`${signal}: stopping`);
  const stopping = Date.now();
  await apim.stop();
  log(`stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
}

const commands: Record<string, () => Promise<void>> = { build, up };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write('usage: tsx tests/harness/apim/cli.ts build|up\n');
  process.exit(2);
}
command().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
