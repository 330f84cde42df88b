/**
 * The per-kind part of the AWS stack, generated from the kind registry so that adding a kind adds its
 * function, queues, role and alarms, in `infra/aws/generated/`: `functions.yml` (the `functions:` block of
 * serverless.yml), `kind-resources.yml` (CloudFormation resources) and `kinds.json` (read by the
 * per-cluster fragment, which needs every change queue).
 *
 * CloudFormation intrinsics are written in their long form (`Ref`, `Fn::GetAtt`, `Fn::Sub`) so the files are
 * plain YAML; `${self:…}`, `${sls:…}` and `${param:…}` are Serverless variables resolved at package time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allKinds } from '../crds/kinds.ts';
import type { Artifacts } from './artifacts.ts';
import { renderManifest } from './yaml.ts';

export const AWS_DIRECTORY = 'infra/aws/generated';

/** Lambda timeout of every function, in seconds. */
export const FUNCTION_TIMEOUT_SECONDS = 30;
/** AWS asks for a source-queue visibility timeout of at least six times the function timeout. */
export const QUEUE_VISIBILITY_SECONDS = 6 * FUNCTION_TIMEOUT_SECONDS;
/** Longest retention SQS allows (14 days): a change waits that long for a function that is down. */
export const MAX_RETENTION_SECONDS = 1_209_600;

/** Names derived from a kind, shared by the generated files and the tests that read the template. */
export interface KindNames {
  kind: string;
  /** Folder under `functions/` and in `dist/functions/`: `api-v4-definition`. */
  folder: string;
  /** Key in the `functions:` block: `apiV4Definition` (Serverless names resources after it). */
  functionKey: string;
  /** Logical-id prefix of the kind's resources: `ApiV4Definition`. */
  logicalPrefix: string;
}

/** `ApiV4Definition` → folder `api-v4-definition`, function key `apiV4Definition`. */
export function kindNames(kind: string): KindNames {
  const words = kind.match(/[A-Z][a-z0-9]*/g) ?? [kind];
  return {
    kind,
    folder: words.map((w) => w.toLowerCase()).join('-'),
    functionKey: kind.charAt(0).toLowerCase() + kind.slice(1),
    logicalPrefix: kind,
  };
}

const getAtt = (resource: string, attribute: string) => ({ 'Fn::GetAtt': [resource, attribute] });
const ref = (resource: string) => ({ Ref: resource });
// biome-ignore lint/suspicious/noTemplateCurlyInString: Serverless variables, resolved at package time
const stackName = '${self:service}-${sls:stage}';

/** `{"ManagementContext":"${ManagementContextQueue}",…}` for `Fn::Sub`: kind → change queue URL. */
function changeQueuesJson(all: KindNames[]): { 'Fn::Sub': string } {
  const entries = all.map((k) => `"${k.kind}":"\${${k.logicalPrefix}Queue}"`);
  return { 'Fn::Sub': `{${entries.join(',')}}` };
}

function functionEntry(names: KindNames, all: KindNames[]): unknown {
  const p = names.logicalPrefix;
  return {
    handler: `dist/functions/${names.folder}/handler.handler`,
    description: `${names.kind} changes from the clusters to APIM; publishes the outcome to the status bus`,
    role: `${p}FunctionRole`,
    package: { patterns: [`dist/functions/${names.folder}/**`] },
    environment: {
      GSO_QUEUE_URL: ref(`${p}Queue`),
      GSO_DLQ_URL: ref(`${p}DeadLetterQueue`),
      GSO_CHANGE_QUEUES: changeQueuesJson(all),
    },
    events: [
      {
        sqs: {
          arn: getAtt(`${p}Queue`, 'Arn'),
          batchSize: 10,
          functionResponseType: 'ReportBatchItemFailures',
          // Caps the calls one kind makes to APIM at once; FIFO groups keep per-object order anyway.
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless variable, resolved at package time
          maximumConcurrency: '${param:maxConcurrency}',
        },
      },
    ],
  };
}

function fifoQueue(name: string, extra: Record<string, unknown>): unknown {
  return {
    Type: 'AWS::SQS::Queue',
    Properties: {
      QueueName: name,
      FifoQueue: true,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: MAX_RETENTION_SECONDS,
      ...extra,
    },
  };
}

/** Refuses any request to the queues that does not use TLS. */
function denyInsecureTransport(queues: string[]): unknown {
  return {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: queues.map(ref),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: queues.map((q) => getAtt(q, 'Arn')),
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
  };
}

/** The function's own role: exactly the calls its code makes, on the resources it makes them on. */
function functionRole(names: KindNames, all: KindNames[]): unknown {
  const p = names.logicalPrefix;
  // Serverless names a function's log group after its key with the first letter upper-cased: the kind.
  const logGroup = `${p}LogGroup`;
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Role of the ${names.kind} function`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'function',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'WriteOwnLogs',
                Effect: 'Allow',
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                Resource: getAtt(logGroup, 'Arn'),
              },
              {
                // The event source mapping polls with the function's role; the retry back-off changes visibility.
                Sid: 'ConsumeOwnQueue',
                Effect: 'Allow',
                Action: [
                  'sqs:ReceiveMessage',
                  'sqs:DeleteMessage',
                  'sqs:GetQueueAttributes',
                  'sqs:ChangeMessageVisibility',
                ],
                Resource: getAtt(`${p}Queue`, 'Arn'),
              },
              {
                Sid: 'DeadLetterOwnQueue',
                Effect: 'Allow',
                Action: 'sqs:SendMessage',
                Resource: getAtt(`${p}DeadLetterQueue`, 'Arn'),
              },
              {
                // A change to a referenced object re-queues its dependents, whatever their kind.
                Sid: 'RequeueDependents',
                Effect: 'Allow',
                Action: 'sqs:SendMessage',
                Resource: all.map((k) => getAtt(`${k.logicalPrefix}Queue`, 'Arn')),
              },
              {
                Sid: 'Registry',
                Effect: 'Allow',
                Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
                Resource: getAtt('RegistryTable', 'Arn'),
              },
              {
                Sid: 'UnsealSecrets',
                Effect: 'Allow',
                Action: 'kms:Decrypt',
                Resource: getAtt('SealingKey', 'Arn'),
              },
              {
                Sid: 'PublishStatus',
                Effect: 'Allow',
                Action: 'events:PutEvents',
                Resource: getAtt('StatusBus', 'Arn'),
              },
            ],
          },
        },
      ],
    },
  };
}

function alarm(description: string, properties: Record<string, unknown>): unknown {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: description,
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [ref('AlarmTopic')],
      OKActions: [ref('AlarmTopic')],
      ...properties,
    },
  };
}

function kindResources(names: KindNames, all: KindNames[]): Record<string, unknown> {
  const p = names.logicalPrefix;
  return {
    [`${p}DeadLetterQueue`]: fifoQueue(`${stackName}-${names.folder}-dlq.fifo`, {}),
    [`${p}Queue`]: fifoQueue(`${stackName}-${names.folder}.fifo`, {
      VisibilityTimeout: QUEUE_VISIBILITY_SECONDS,
      RedrivePolicy: {
        deadLetterTargetArn: getAtt(`${p}DeadLetterQueue`, 'Arn'),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless variable, resolved at package time
        maxReceiveCount: '${param:maxReceiveCount}',
      },
    }),
    [`${p}QueuePolicy`]: denyInsecureTransport([`${p}Queue`, `${p}DeadLetterQueue`]),
    [`${p}FunctionRole`]: functionRole(names, all),
    [`${p}ErrorsAlarm`]: alarm(`The ${names.kind} function failed (uncaught errors, timeouts)`, {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Dimensions: [{ Name: 'FunctionName', Value: `${stackName}-${names.functionKey}` }],
    }),
    [`${p}DeadLetterAlarm`]: alarm(`${names.kind} changes are waiting in the dead-letter queue`, {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(`${p}DeadLetterQueue`, 'QueueName') }],
    }),
  };
}

/** The three files, for every kind of the registry whose function folder exists. */
export function generateAwsArtifacts(root?: string): Artifacts {
  const all = allKinds().map((k) => kindNames(k.kind));
  if (root) {
    const missing = all.filter((k) => !existsSync(join(root, 'functions', k.folder, 'handler.ts')));
    if (missing.length > 0)
      throw new Error(`no function handler for ${missing.map((k) => `${k.kind} (functions/${k.folder})`)}`);
  }
  const functions = Object.fromEntries(all.map((k) => [k.functionKey, functionEntry(k, all)]));
  const resources = Object.assign({}, ...all.map((k) => kindResources(k, all)));
  const outputs = Object.fromEntries(
    all.flatMap((k) => [
      [`${k.logicalPrefix}QueueUrl`, { Value: ref(`${k.logicalPrefix}Queue`) }],
      [`${k.logicalPrefix}DeadLetterQueueUrl`, { Value: ref(`${k.logicalPrefix}DeadLetterQueue`) }],
    ]),
  );
  return new Map([
    [`${AWS_DIRECTORY}/functions.yml`, renderManifest(functions)],
    [`${AWS_DIRECTORY}/kind-resources.yml`, renderManifest({ Resources: resources, Outputs: outputs })],
    [`${AWS_DIRECTORY}/kinds.json`, `${JSON.stringify(all, null, 2)}\n`],
  ]);
}
