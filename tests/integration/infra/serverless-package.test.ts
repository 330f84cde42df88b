import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { bundleAll, formatBytes } from '../../../lib/build/bundle.ts';
import {
  FUNCTION_TIMEOUT_SECONDS,
  type KindNames,
  kindNames,
  QUEUE_VISIBILITY_SECONDS,
} from '../../../lib/codegen/aws-artifacts.ts';
import { allKinds } from '../../../lib/crds/kinds.ts';
import { STATUS_EVENT_SOURCE } from '../../../lib/events/status-event.ts';
import {
  asArray,
  type CfnResource,
  type CfnTemplate,
  cfnLint,
  logicalIdOf,
  type PackagedService,
  packageService,
  repoRoot,
} from '../../support/infra/serverless-package.ts';
import { zipEntries } from '../../support/infra/zip-entries.ts';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const kinds: KindNames[] = allKinds().map((k) => kindNames(k.kind));
/** Framework-generated `DependsOn` on each function's role duplicates the GetAtt; not ours to change. */
const CFN_LINT_IGNORED = ['W3005'];

function resource(template: CfnTemplate, id: string, type: string): CfnResource {
  const found = template.Resources[id];
  assert.ok(found, `resource ${id} is missing`);
  assert.equal(found.Type, type, `${id} is a ${found.Type}, not a ${type}`);
  return found;
}

function props(template: CfnTemplate, id: string, type: string): Record<string, unknown> {
  return resource(template, id, type).Properties ?? {};
}

function allowStatements(role: CfnResource): Statement[] {
  const policies = (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement).filter((s) => s.Effect === 'Allow');
}

/** Every (action → resource logical ids) pair a role's Allow statements grant. */
function grants(role: CfnResource): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const statement of allowStatements(role)) {
    for (const action of asArray(statement.Action)) {
      const targets = out.get(action) ?? new Set<string>();
      for (const target of asArray(statement.Resource))
        targets.add(logicalIdOf(target) ?? JSON.stringify(target));
      out.set(action, targets);
    }
  }
  return out;
}

function trustOf(role: CfnResource): Statement[] {
  return (
    (role.Properties?.AssumeRolePolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? []
  );
}

function statementsOf(policy: CfnResource): Statement[] {
  return (policy.Properties?.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? [];
}

function byType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

describe('serverless.yml packaged offline by osls', () => {
  let dev: PackagedService;
  let prod: PackagedService;

  before(async () => {
    await bundleAll();
    dev = packageService('dev');
    prod = packageService('prod', {
      clusters: 'prod-eu,prod-us',
      clusterOidcIssuers: 'prod-eu=oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C3D4E5F',
      account: '123456789012',
    });
  });

  test('packages with no AWS credentials and one zip per kind holding only its own bundle', (t) => {
    assert.deepEqual(dev.zips.sort(), kinds.map((k) => `${k.functionKey}.zip`).sort());
    for (const k of kinds) {
      const entries = zipEntries(join(dev.directory, `${k.functionKey}.zip`));
      assert.deepEqual(entries.map((e) => e.name).sort(), [
        `dist/functions/${k.folder}/handler.mjs`,
        `dist/functions/${k.folder}/handler.mjs.map`,
      ]);
      const zipped = entries.reduce((sum, e) => sum + e.compressedBytes, 0);
      const code = entries.find((e) => e.name.endsWith('.mjs'))?.bytes ?? 0;
      t.diagnostic(`${k.functionKey}.zip: ${formatBytes(zipped)} zipped, handler.mjs ${formatBytes(code)}`);
    }
  });

  test('every kind has a Node 22 arm64 function with its own role, fed by its FIFO queue', () => {
    const t = dev.template;
    for (const k of kinds) {
      const fn = props(t, `${k.logicalPrefix}LambdaFunction`, 'AWS::Lambda::Function');
      assert.equal(fn.Runtime, 'nodejs22.x');
      assert.deepEqual(fn.Architectures, ['arm64']);
      assert.equal(fn.Handler, `dist/functions/${k.folder}/handler.handler`);
      assert.equal(fn.Timeout, FUNCTION_TIMEOUT_SECONDS);
      assert.equal(logicalIdOf(fn.Role), `${k.logicalPrefix}FunctionRole`);

      const mapping = byType(t, 'AWS::Lambda::EventSourceMapping').find(
        ([, m]) => logicalIdOf(m.Properties?.FunctionName) === `${k.logicalPrefix}LambdaFunction`,
      );
      assert.ok(mapping, `${k.kind}: no event source mapping`);
      const m = mapping[1].Properties ?? {};
      assert.equal(logicalIdOf(m.EventSourceArn), `${k.logicalPrefix}Queue`);
      assert.deepEqual(m.FunctionResponseTypes, ['ReportBatchItemFailures']);
      assert.ok((m.BatchSize as number) <= 10, 'FIFO sources take at most 10 records per batch');
    }
    assert.equal(t.Resources.IamRoleLambdaExecution, undefined, 'no shared execution role');
    const roles = new Set(
      kinds.map((k) => logicalIdOf(t.Resources[`${k.logicalPrefix}LambdaFunction`]?.Properties?.Role)),
    );
    assert.equal(roles.size, kinds.length, 'one role per function');
  });

  test('change queues are FIFO, encrypted, redrive to a FIFO DLQ and outlast six function timeouts', () => {
    const t = dev.template;
    const maxAttempts = Number(
      (
        props(t, 'ApiV4DefinitionLambdaFunction', 'AWS::Lambda::Function').Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables.GSO_MAX_ATTEMPTS,
    );
    for (const k of kinds) {
      const queue = props(t, `${k.logicalPrefix}Queue`, 'AWS::SQS::Queue');
      const dlq = props(t, `${k.logicalPrefix}DeadLetterQueue`, 'AWS::SQS::Queue');
      assert.equal(queue.FifoQueue, true);
      assert.equal(dlq.FifoQueue, true);
      assert.equal(queue.SqsManagedSseEnabled, true);
      assert.equal(dlq.SqsManagedSseEnabled, true);
      assert.ok((queue.VisibilityTimeout as number) >= 6 * FUNCTION_TIMEOUT_SECONDS);
      assert.equal(queue.VisibilityTimeout, QUEUE_VISIBILITY_SECONDS);
      const redrive = queue.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number };
      assert.equal(logicalIdOf(redrive.deadLetterTargetArn), `${k.logicalPrefix}DeadLetterQueue`);
      assert.ok(
        Number(redrive.maxReceiveCount) > maxAttempts,
        `maxReceiveCount ${redrive.maxReceiveCount} must exceed GSO_MAX_ATTEMPTS ${maxAttempts}`,
      );
    }
  });

  test('every queue refuses requests without TLS', () => {
    const t = dev.template;
    const guarded = new Set<string>();
    for (const [, policy] of byType(t, 'AWS::SQS::QueuePolicy')) {
      const statements = statementsOf(policy);
      const deny = statements.find(
        (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      );
      if (!deny) continue;
      for (const target of asArray(deny.Resource)) guarded.add(logicalIdOf(target) ?? '');
    }
    for (const [id, queue] of byType(t, 'AWS::SQS::Queue')) {
      assert.ok(guarded.has(id), `${id} has no deny-insecure-transport policy`);
      assert.equal(queue.Properties?.SqsManagedSseEnabled, true, `${id} is not encrypted`);
    }
  });

  test('function roles grant no wildcard action and only the resources each call needs', () => {
    const t = dev.template;
    for (const k of kinds) {
      const role = resource(t, `${k.logicalPrefix}FunctionRole`, 'AWS::IAM::Role');
      for (const statement of allowStatements(role)) {
        for (const action of asArray(statement.Action))
          assert.ok(!action.includes('*'), `${k.kind}: ${action}`);
        for (const target of asArray(statement.Resource))
          assert.notEqual(target, '*', `${k.kind}: Resource "*"`);
      }
      const g = grants(role);
      assert.deepEqual([...(g.get('sqs:ReceiveMessage') ?? [])], [`${k.logicalPrefix}Queue`]);
      assert.deepEqual([...(g.get('sqs:DeleteMessage') ?? [])], [`${k.logicalPrefix}Queue`]);
      assert.deepEqual(
        [...(g.get('sqs:SendMessage') ?? [])].sort(),
        [`${k.logicalPrefix}DeadLetterQueue`, ...kinds.map((x) => `${x.logicalPrefix}Queue`)].sort(),
      );
      assert.deepEqual([...(g.get('kms:Decrypt') ?? [])], ['SealingKey']);
      assert.equal(g.get('kms:GenerateDataKey'), undefined, 'functions never seal');
      assert.deepEqual([...(g.get('events:PutEvents') ?? [])], ['StatusBus']);
      assert.deepEqual([...(g.get('dynamodb:Query') ?? [])], ['RegistryTable']);
      assert.deepEqual([...(g.get('logs:PutLogEvents') ?? [])], [`${k.logicalPrefix}LogGroup`]);
      const trust = trustOf(role);
      assert.deepEqual(
        trust.map((s) => s.Principal),
        [{ Service: 'lambda.amazonaws.com' }],
      );
    }
  });

  test("the status bus has an archive, an audit rule and a rule per cluster to that cluster's status queue", () => {
    const t = prod.template;
    props(t, 'StatusBus', 'AWS::Events::EventBus');
    const archive = props(t, 'StatusArchive', 'AWS::Events::Archive');
    assert.equal(logicalIdOf(archive.SourceArn), 'StatusBus');
    assert.equal(archive.RetentionDays, 365, 'prod keeps a year of status events');
    assert.deepEqual(props(dev.template, 'StatusArchive', 'AWS::Events::Archive').RetentionDays, 90);

    const audit = props(t, 'AuditRule', 'AWS::Events::Rule');
    assert.equal(logicalIdOf(audit.EventBusName), 'StatusBus');
    assert.deepEqual(audit.EventPattern, { source: [STATUS_EVENT_SOURCE] });
    assert.equal(logicalIdOf((audit.Targets as { Arn: unknown }[])[0]?.Arn), 'AuditLogGroup');

    for (const [cluster, prefix] of [
      ['prod-eu', 'ProdEu'],
      ['prod-us', 'ProdUs'],
    ] as const) {
      const rule = props(t, `${prefix}StatusRule`, 'AWS::Events::Rule');
      assert.equal(logicalIdOf(rule.EventBusName), 'StatusBus');
      assert.deepEqual(rule.EventPattern, { source: [STATUS_EVENT_SOURCE], detail: { cluster: [cluster] } });
      const [target] = rule.Targets as { Arn: unknown; DeadLetterConfig: { Arn: unknown } }[];
      assert.equal(logicalIdOf(target?.Arn), `${prefix}StatusQueue`);
      assert.equal(logicalIdOf(target?.DeadLetterConfig.Arn), `${prefix}StatusDeadLetterQueue`);
      const queue = props(t, `${prefix}StatusQueue`, 'AWS::SQS::Queue');
      assert.equal(
        logicalIdOf((queue.RedrivePolicy as { deadLetterTargetArn: unknown }).deadLetterTargetArn),
        `${prefix}StatusDeadLetterQueue`,
      );
      const policy = props(t, `${prefix}StatusQueuePolicy`, 'AWS::SQS::QueuePolicy');
      const send = (policy.PolicyDocument as { Statement: Statement[] }).Statement.find(
        (s) => s.Effect === 'Allow',
      );
      assert.deepEqual(send?.Principal, { Service: 'events.amazonaws.com' });
      assert.equal(logicalIdOf(send?.Condition?.ArnEquals?.['aws:SourceArn']), `${prefix}StatusRule`);
    }
    assert.equal(
      byType(dev.template, 'AWS::Events::Rule').length,
      2,
      'dev (one cluster): its status rule and the audit rule',
    );
  });

  test('the watcher role of a cluster sends changes, reads its own statuses and only seals for its cluster', () => {
    const t = prod.template;
    for (const [cluster, prefix, other] of [
      ['prod-eu', 'ProdEu', 'ProdUs'],
      ['prod-us', 'ProdUs', 'ProdEu'],
    ] as const) {
      const role = resource(t, `${prefix}WatcherRole`, 'AWS::IAM::Role');
      const g = grants(role);
      assert.deepEqual([...g.keys()].sort(), [
        'kms:GenerateDataKey',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ]);
      assert.deepEqual(
        [...(g.get('sqs:SendMessage') ?? [])].sort(),
        kinds.map((k) => `${k.logicalPrefix}Queue`).sort(),
      );
      assert.deepEqual([...(g.get('sqs:ReceiveMessage') ?? [])], [`${prefix}StatusQueue`]);
      assert.ok(!g.get('sqs:ReceiveMessage')?.has(`${other}StatusQueue`));
      const seal = allowStatements(role).find((s) => asArray(s.Action).includes('kms:GenerateDataKey'));
      assert.deepEqual(seal?.Condition, { StringEquals: { 'kms:EncryptionContext:cluster': cluster } });

      const trust = trustOf(role);
      const podIdentity = trust.find((s) => JSON.stringify(s.Principal).includes('pods.eks.amazonaws.com'));
      assert.deepEqual(podIdentity?.Condition?.StringEquals, {
        'aws:RequestTag/kubernetes-namespace': 'gravitee-serverless-operator',
        'aws:RequestTag/kubernetes-service-account': 'gso-watcher',
        'aws:SourceAccount': '123456789012',
      });
      const irsa = trust.find((s) => asArray(s.Action).includes('sts:AssumeRoleWithWebIdentity'));
      if (cluster === 'prod-eu') {
        const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C3D4E5F';
        assert.deepEqual(irsa?.Condition?.StringEquals, {
          [`${issuer}:sub`]: 'system:serviceaccount:gravitee-serverless-operator:gso-watcher',
          [`${issuer}:aud`]: 'sts.amazonaws.com',
        });
      } else {
        assert.equal(irsa, undefined, 'no OIDC issuer given: Pod Identity only');
      }
      assert.ok(t.Outputs?.[`${prefix}WatcherRoleArn`]);
      assert.ok(t.Outputs?.[`${prefix}StatusQueueUrl`]);
    }
    assert.ok(t.Outputs?.WatcherChangeQueues);
  });

  test('the registry is on-demand with point-in-time recovery, the sealing key rotates, both are kept', () => {
    for (const [service, protection] of [
      [dev, false],
      [prod, true],
    ] as const) {
      const table = resource(service.template, 'RegistryTable', 'AWS::DynamoDB::Table');
      assert.equal(table.Properties?.BillingMode, 'PAY_PER_REQUEST');
      assert.deepEqual(table.Properties?.PointInTimeRecoverySpecification, {
        PointInTimeRecoveryEnabled: true,
      });
      assert.deepEqual(table.Properties?.SSESpecification, { SSEEnabled: true });
      assert.equal(table.Properties?.DeletionProtectionEnabled, protection);
      assert.equal(table.DeletionPolicy, 'Retain');
      const key = resource(service.template, 'SealingKey', 'AWS::KMS::Key');
      assert.equal(key.Properties?.EnableKeyRotation, true);
      assert.equal(key.DeletionPolicy, 'Retain');
    }
  });

  test('logs are kept for the stage retention and alarms watch every function and dead-letter queue', () => {
    const t = dev.template;
    const groups = byType(t, 'AWS::Logs::LogGroup');
    assert.equal(groups.length, kinds.length + 1, 'one per function plus the audit log');
    for (const [id, group] of groups)
      assert.ok(group.Properties?.RetentionInDays, `${id} keeps logs forever`);
    assert.equal(props(prod.template, 'ApiV4DefinitionLogGroup', 'AWS::Logs::LogGroup').RetentionInDays, 90);

    const alarms = byType(t, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties ?? {});
    const watched = (metric: string) =>
      alarms
        .filter((a) => a.MetricName === metric)
        .map((a) => (a.Dimensions as { Value: unknown }[])[0]?.Value)
        .map((v) => (typeof v === 'string' ? v : logicalIdOf(v)));
    for (const k of kinds) {
      assert.ok(
        watched('Errors').includes(`gravitee-serverless-operator-dev-${k.functionKey}`),
        `${k.kind} errors`,
      );
      assert.ok(watched('ApproximateNumberOfMessagesVisible').includes(`${k.logicalPrefix}DeadLetterQueue`));
    }
    assert.ok(watched('ApproximateNumberOfMessagesVisible').includes('DevStatusDeadLetterQueue'));
    for (const a of alarms) assert.deepEqual(a.AlarmActions, [{ Ref: 'AlarmTopic' }]);
  });

  test('cfn-lint passes on both templates', () => {
    for (const service of [dev, prod]) {
      const lint = cfnLint(service.templatePath, CFN_LINT_IGNORED);
      assert.equal(lint.status, 0, lint.output);
    }
  });
});

describe('per-cluster fragment parameters', () => {
  const require = createRequire(import.meta.url);
  const { buildClusterResources } = require(join(repoRoot, 'infra/aws/cluster-resources.js')) as {
    buildClusterResources: (params: Record<string, string>) => CfnTemplate;
  };
  const base = {
    clusters: 'dev',
    watcherNamespace: 'gravitee-serverless-operator',
    watcherServiceAccount: 'gso-watcher',
    stackName: 'gso-dev',
  };

  test('a cluster name that is not a DNS label is refused, naming it', () => {
    assert.throws(() => buildClusterResources({ ...base, clusters: 'Dev_EU' }), /cluster name "Dev_EU"/);
  });

  test('an OIDC issuer for an unregistered cluster is refused', () => {
    assert.throws(
      () => buildClusterResources({ ...base, clusterOidcIssuers: 'prod=oidc.example/id/1' }),
      /clusterOidcIssuers entry "prod=oidc.example\/id\/1"/,
    );
  });

  test('no cluster at all is refused rather than deploying a stack no watcher can use', () => {
    assert.throws(() => buildClusterResources({ ...base, clusters: ' , ' }), /lists no cluster/);
  });

  test('an account that is not 12 digits is refused', () => {
    assert.throws(() => buildClusterResources({ ...base, account: '1234' }), /12-digit/);
  });
});
