'use strict';
/**
 * Per-cluster resources, expanded at package time from the stage parameters (Serverless calls this file
 * through `${file(...)}`; it is CommonJS because Serverless loads variable files with `require`).
 *
 * For each registered cluster: its status queue (+ dead-letter queue), the rule that routes the cluster's
 * status events from the bus to it, the queue policy that lets only that rule send, an alarm on the
 * dead-letter depth, and the watcher's IAM role (IRSA and/or EKS Pod Identity), which may send changes,
 * receive its own statuses and generate data keys bound to its cluster — nothing else.
 *
 * Parameters: `clusters` ("dev-eu,prod-eu"), `clusterOidcIssuers` ("dev-eu=oidc.eks.eu-west-1.amazonaws.com/id/ABC",
 * optional: clusters without an issuer trust EKS Pod Identity only), `watcherNamespace`, `watcherServiceAccount`.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const STATUS_EVENT_SOURCE = 'io.gravitee.operator';
const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const STATUS_RETENTION_SECONDS = 1209600;

const getAtt = (resource, attribute) => ({ 'Fn::GetAtt': [resource, attribute] });
const ref = (resource) => ({ Ref: resource });

/** Splits a comma list, dropping blanks. */
function list(value) {
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `dev-eu` → `DevEu`: CloudFormation logical ids are alphanumeric. */
function logicalPrefix(cluster) {
  return cluster
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Reads "name=issuer,…" into a map, refusing clusters that are not registered. */
function parseIssuers(value, clusters) {
  const issuers = new Map();
  for (const entry of list(value)) {
    const at = entry.indexOf('=');
    const name = at < 0 ? entry : entry.slice(0, at);
    const issuer = at < 0 ? '' : entry.slice(at + 1).replace(/^https:\/\//, '');
    if (!clusters.includes(name) || issuer === '') {
      throw new Error(
        `clusterOidcIssuers entry "${entry}" must be <cluster>=<issuer> for a cluster listed in clusters (${clusters.join(', ')})`,
      );
    }
    issuers.set(name, issuer);
  }
  return issuers;
}

function watcherTrust(issuer, namespace, serviceAccount, account) {
  const statements = [
    {
      Sid: 'EksPodIdentity',
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': namespace,
          'aws:RequestTag/kubernetes-service-account': serviceAccount,
          ...(account ? { 'aws:SourceAccount': account } : {}),
        },
      },
    },
  ];
  if (issuer) {
    statements.push({
      Sid: 'Irsa',
      Effect: 'Allow',
      Principal: {
        Federated: { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${issuer}` },
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
          [`${issuer}:aud`]: 'sts.amazonaws.com',
        },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function clusterResources(cluster, issuer, kinds, params) {
  const { stackName, watcherNamespace: namespace, watcherServiceAccount: serviceAccount, account } = params;
  const p = logicalPrefix(cluster);
  const queue = `${p}StatusQueue`;
  const deadLetter = `${p}StatusDeadLetterQueue`;
  const rule = `${p}StatusRule`;
  return {
    [deadLetter]: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `${stackName}-${cluster}-status-dlq`,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: STATUS_RETENTION_SECONDS,
      },
    },
    [queue]: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `${stackName}-${cluster}-status`,
        SqsManagedSseEnabled: true,
        // Statuses wait while the watcher is down (an upgrade, an outage) rather than being lost.
        MessageRetentionPeriod: STATUS_RETENTION_SECONDS,
        VisibilityTimeout: 60,
        RedrivePolicy: { deadLetterTargetArn: getAtt(deadLetter, 'Arn'), maxReceiveCount: 10 },
      },
    },
    [rule]: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: `Status events of cluster ${cluster} to its status queue`,
        EventBusName: ref('StatusBus'),
        EventPattern: { source: [STATUS_EVENT_SOURCE], detail: { cluster: [cluster] } },
        Targets: [
          {
            Id: 'status-queue',
            Arn: getAtt(queue, 'Arn'),
            // What EventBridge cannot deliver after a day of retries lands in the dead-letter queue.
            DeadLetterConfig: { Arn: getAtt(deadLetter, 'Arn') },
            RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
          },
        ],
      },
    },
    [`${p}StatusQueuePolicy`]: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(queue), ref(deadLetter)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OnlyTheClusterRuleSends',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: [getAtt(queue, 'Arn'), getAtt(deadLetter, 'Arn')],
              Condition: { ArnEquals: { 'aws:SourceArn': getAtt(rule, 'Arn') } },
            },
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 'sqs:*',
              Resource: [getAtt(queue, 'Arn'), getAtt(deadLetter, 'Arn')],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    [`${p}StatusDeadLetterAlarm`]: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: `Status events for cluster ${cluster} are waiting in the dead-letter queue`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Statistic: 'Maximum',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(deadLetter, 'QueueName') }],
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [ref('AlarmTopic')],
        OKActions: [ref('AlarmTopic')],
      },
    },
    [`${p}WatcherRole`]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Watcher of cluster ${cluster} (IRSA / EKS Pod Identity)`,
        AssumeRolePolicyDocument: watcherTrust(issuer, namespace, serviceAccount, account),
        Policies: [
          {
            PolicyName: 'watcher',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'SendChanges',
                  Effect: 'Allow',
                  Action: 'sqs:SendMessage',
                  Resource: kinds.map((k) => getAtt(`${k.logicalPrefix}Queue`, 'Arn')),
                },
                {
                  // A status that cannot be written yet is postponed by changing its visibility.
                  Sid: 'ReceiveOwnStatuses',
                  Effect: 'Allow',
                  Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility'],
                  Resource: getAtt(queue, 'Arn'),
                },
                {
                  // Encrypt side of envelope encryption only, and only for this cluster's resources.
                  Sid: 'SealForOwnCluster',
                  Effect: 'Allow',
                  Action: 'kms:GenerateDataKey',
                  Resource: getAtt('SealingKey', 'Arn'),
                  Condition: { StringEquals: { 'kms:EncryptionContext:cluster': cluster } },
                },
              ],
            },
          },
        ],
      },
    },
  };
}

function clusterOutputs(cluster) {
  const p = logicalPrefix(cluster);
  return {
    [`${p}WatcherRoleArn`]: {
      Description: `IAM role of the ${cluster} watcher`,
      Value: getAtt(`${p}WatcherRole`, 'Arn'),
    },
    [`${p}StatusQueueUrl`]: {
      Description: `GSO_STATUS_QUEUE_URL of the ${cluster} watcher`,
      Value: ref(`${p}StatusQueue`),
    },
  };
}

/**
 * Builds the fragment from resolved parameters. Exported for tests; Serverless calls the default export.
 * @param {{ account?: string, clusters: string, clusterOidcIssuers?: string, watcherNamespace: string, watcherServiceAccount: string, stackName: string }} params
 */
function buildClusterResources(params) {
  const clusters = list(params.clusters);
  if (clusters.length === 0)
    throw new Error('the clusters parameter lists no cluster: set params.<stage>.clusters');
  for (const cluster of clusters) {
    if (!CLUSTER_NAME.test(cluster))
      throw new Error(`cluster name "${cluster}" is not a DNS label such as prod-eu`);
  }
  if (params.account && !/^\d{12}$/.test(String(params.account))) {
    throw new Error(`account "${params.account}" is not a 12-digit AWS account id`);
  }
  const prefixes = new Set(clusters.map(logicalPrefix));
  if (prefixes.size !== clusters.length)
    throw new Error(`cluster names collide once turned into ids: ${clusters.join(', ')}`);
  const issuers = parseIssuers(params.clusterOidcIssuers, clusters);
  const kinds = JSON.parse(readFileSync(join(__dirname, 'generated', 'kinds.json'), 'utf8'));
  const Resources = {};
  const Outputs = {
    WatcherChangeQueues: {
      Description: 'GSO_CHANGE_QUEUES of every watcher',
      Value: { 'Fn::Sub': `{${kinds.map((k) => `"${k.kind}":"\${${k.logicalPrefix}Queue}"`).join(',')}}` },
    },
  };
  for (const cluster of clusters) {
    Object.assign(Resources, clusterResources(cluster, issuers.get(cluster), kinds, params));
    Object.assign(Outputs, clusterOutputs(cluster));
  }
  return { Resources, Outputs };
}

module.exports = async ({ resolveVariable }) => {
  const [account, clusters, clusterOidcIssuers, watcherNamespace, watcherServiceAccount, service, stage] =
    await Promise.all([
      resolveVariable('param:account'),
      resolveVariable('param:clusters'),
      resolveVariable('param:clusterOidcIssuers'),
      resolveVariable('param:watcherNamespace'),
      resolveVariable('param:watcherServiceAccount'),
      resolveVariable('self:service'),
      resolveVariable('sls:stage'),
    ]);
  return buildClusterResources({
    account,
    clusters,
    clusterOidcIssuers,
    watcherNamespace,
    watcherServiceAccount,
    stackName: `${service}-${stage}`,
  });
};
module.exports.buildClusterResources = buildClusterResources;
