import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A CloudFormation resource as the template holds it. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  Condition?: string;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

export interface PackagedService {
  /** Directory holding the template and one zip per function. */
  directory: string;
  templatePath: string;
  template: CfnTemplate;
  zips: string[];
  output: string;
}

/**
 * Runs `osls package` the way a newcomer without AWS credentials would: no credential variables, no
 * config files, so anything that needs AWS fails the run instead of passing by accident.
 */
export function packageService(stage: string, params: Record<string, string> = {}): PackagedService {
  const directory = mkdtempSync(join(tmpdir(), `gso-package-${stage}-`));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_') && !name.startsWith('SLS_') && !name.startsWith('SERVERLESS_'))
      env[name] = value;
  }
  Object.assign(env, {
    AWS_CONFIG_FILE: join(directory, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(directory, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
  });
  const args = ['package', '--stage', stage, '--package', directory];
  for (const [name, value] of Object.entries(params)) args.push(`--param=${name}=${value}`);
  const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'osls'), args, {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0)
    throw new Error(`osls package --stage ${stage} failed (${run.status ?? run.signal}):\n${output}`);
  const templatePath = join(directory, 'cloudformation-template-update-stack.json');
  return {
    directory,
    templatePath,
    template: JSON.parse(readFileSync(templatePath, 'utf8')) as CfnTemplate,
    zips: readdirSync(directory).filter((name) => name.endsWith('.zip')),
    output,
  };
}

/** cfn-lint over a template; returns its exit code and output. */
export function cfnLint(
  templatePath: string,
  ignoreChecks: readonly string[],
): { status: number; output: string } {
  const args = [templatePath, ...ignoreChecks.flatMap((check) => ['--ignore-checks', check])];
  const run = spawnSync(process.env.CFN_LINT ?? 'cfn-lint', args, { encoding: 'utf8', timeout: 180_000 });
  if (run.error) {
    throw new Error(
      `cfn-lint could not run (${run.error.message}): install it with pip install cfn-lint (or set CFN_LINT)`,
    );
  }
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

/** `{ 'Fn::GetAtt': ['X', 'Arn'] }` → `X`, `{ Ref: 'X' }` → `X`; anything else → undefined. */
export function logicalIdOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return v.Ref;
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  return undefined;
}

export const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
