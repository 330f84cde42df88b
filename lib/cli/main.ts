import { parseArgs } from 'node:util';
import type { LogLevel } from '../log/logger.ts';
import { ManifestError } from '../manifests/load-manifests.ts';
import { runDev } from './dev-command.ts';
import { runDryRun } from './dry-run-command.ts';
import { runPlan } from './plan-command.ts';
import { runValidate } from './validate-command.ts';

const USAGE = `usage: gso <command> [options]

commands:
  dev [--manifests DIR] [--cluster NAME] [--namespace NS]... [--offline] [--once] [--log-level LEVEL]
        run the whole loop locally (watcher, queues, functions, bus, status writer), against the cluster of
        the current kubeconfig or, without one, the manifests in DIR (default ./manifests)
  validate <file|dir>... [--dry-run-apim] [--output table|json]
        check gravitee.io manifests (schema, references and GKO's admission rules); exit 1 on any error.
        With --dry-run-apim, also send the real payloads to the APIM of each ManagementContext with
        dryRun=true and report APIM's severe errors and warnings per resource (nothing is changed)
  plan <file|dir>... [--output table|json]
        show the APIM calls the manifests would cause, without sending any
`;

/** Runs one `gso` command; resolves with the process exit code. */
export async function main(
  argv: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            'dry-run-apim': { type: 'boolean', default: false },
            output: { type: 'string', short: 'o', default: 'table' },
          },
        });
        if (positionals.length === 0) throw new UsageError('validate needs at least one file or directory');
        if (values.output !== 'table' && values.output !== 'json')
          throw new UsageError('--output is table or json');
        const local = await runValidate(positionals, out);
        // APIM is only asked about manifests that pass the local checks.
        if (local !== 0 || !values['dry-run-apim']) return local;
        return await runDryRun(positionals, values.output, out);
      }
      case 'plan': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { output: { type: 'string', short: 'o', default: 'table' } },
        });
        if (positionals.length === 0) throw new UsageError('plan needs at least one file or directory');
        if (values.output !== 'table' && values.output !== 'json')
          throw new UsageError('--output is table or json');
        return await runPlan(positionals, values.output, out);
      }
      case 'dev': {
        const { values } = parseArgs({
          args: rest,
          options: {
            manifests: { type: 'string' },
            cluster: { type: 'string', default: process.env.GSO_CLUSTER ?? 'local' },
            namespace: { type: 'string', multiple: true, default: [] },
            offline: { type: 'boolean', default: false },
            once: { type: 'boolean', default: false },
            'log-level': { type: 'string', default: process.env.GSO_LOG_LEVEL ?? 'info' },
          },
        });
        return await runDev(
          {
            ...(values.manifests ? { manifests: values.manifests } : {}),
            cluster: values.cluster,
            namespaces: values.namespace,
            offline: values.offline,
            once: values.once,
            logLevel: values['log-level'] as LogLevel,
          },
          out,
        );
      }
      case undefined:
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out(`gso: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ManifestError) {
      out(`gso: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}
