import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { parseAdapterOptions } from './adapter-options.ts';

/** How the SDK clients are built; everything is optional and falls back to the SDK's own resolution. */
export interface AwsClientConfig {
  /** Region; the SDK reads `AWS_REGION` (Lambda sets it) when absent. */
  region?: string;
  /** Endpoint override for local runs and tests (moto, LocalStack), e.g. `http://127.0.0.1:5000`. */
  endpoint?: string;
  /** Static credentials (tests); the SDK's default provider chain (Lambda role, profile, …) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts per call, the first included (standard retry mode: back-off, throttling aware). Default 3. */
  maxAttempts?: number;
  /** Time allowed to open a connection. Default 3000 ms. */
  connectionTimeoutMs?: number;
  /** Time allowed for one request and its response. Default 10000 ms. */
  requestTimeoutMs?: number;
  /** Same for SQS, whose long polls keep a request open up to 20 s. Default 30000 ms. */
  sqsRequestTimeoutMs?: number;
}

export const awsClientDefaults = {
  maxAttempts: 3,
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
  sqsRequestTimeoutMs: 30_000,
};

const configSchema = z.object({
  region: z.string().min(1).optional(),
  endpoint: z.url().optional(),
  credentials: z
    .object({
      accessKeyId: z.string().min(1),
      secretAccessKey: z.string().min(1),
      sessionToken: z.string().optional(),
    })
    .optional(),
  maxAttempts: z.number().int().min(1).max(10),
  connectionTimeoutMs: z.number().int().positive(),
  requestTimeoutMs: z.number().int().positive(),
  sqsRequestTimeoutMs: z.number().int().min(21_000),
});
type ResolvedConfig = z.infer<typeof configSchema>;

/**
 * Client configuration from the environment: `AWS_REGION` (or `AWS_DEFAULT_REGION`) and `AWS_ENDPOINT_URL`
 * (the SDK's own name for an endpoint override, used by `gso dev` and tests to point at moto/LocalStack).
 *
 * @example const clients = createAwsClients(awsClientConfigFromEnv());
 */
export function awsClientConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AwsClientConfig {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const endpoint = env.AWS_ENDPOINT_URL;
  return { ...(region && { region }), ...(endpoint && { endpoint }) };
}

function resolve(config: AwsClientConfig): ResolvedConfig {
  return parseAdapterOptions('AwsClientConfig', configSchema, { ...awsClientDefaults, ...config });
}

/** The constructor options every client shares. */
function baseConfig(config: ResolvedConfig, requestTimeoutMs: number) {
  return {
    ...(config.region && { region: config.region }),
    ...(config.endpoint && { endpoint: config.endpoint }),
    ...(config.credentials && { credentials: config.credentials }),
    maxAttempts: config.maxAttempts,
    retryMode: 'standard',
    // Without timeouts a half-open connection would hang a Lambda until its own timeout.
    requestHandler: {
      connectionTimeout: config.connectionTimeoutMs,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

/** @example const sqs = createSqsClient({ region: 'eu-west-1' }); */
export function createSqsClient(config: AwsClientConfig = {}): SQSClient {
  const resolved = resolve(config);
  return new SQSClient(baseConfig(resolved, resolved.sqsRequestTimeoutMs));
}

/** @example const eventBridge = createEventBridgeClient(awsClientConfigFromEnv()); */
export function createEventBridgeClient(config: AwsClientConfig = {}): EventBridgeClient {
  const resolved = resolve(config);
  return new EventBridgeClient(baseConfig(resolved, resolved.requestTimeoutMs));
}

/** @example const dynamoDb = createDynamoDbClient(awsClientConfigFromEnv()); */
export function createDynamoDbClient(config: AwsClientConfig = {}): DynamoDBClient {
  const resolved = resolve(config);
  return new DynamoDBClient(baseConfig(resolved, resolved.requestTimeoutMs));
}

/**
 * Document client (plain JS values in and out) over a DynamoDB client. `removeUndefinedValues` so an
 * optional field left undefined is simply not stored.
 *
 * @example const registry = new DynamoDbRegistry({ client: createDocumentClient(config), tableName });
 */
export function createDocumentClient(config: AwsClientConfig | DynamoDBClient = {}): DynamoDBDocumentClient {
  const client = config instanceof DynamoDBClient ? config : createDynamoDbClient(config);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** @example const kms = createKmsClient(awsClientConfigFromEnv()); */
export function createKmsClient(config: AwsClientConfig = {}): KMSClient {
  const resolved = resolve(config);
  return new KMSClient(baseConfig(resolved, resolved.requestTimeoutMs));
}

/** The SDK clients the adapters use, each built on first use (a function only pays for what it touches). */
export interface AwsClients {
  readonly sqs: SQSClient;
  readonly eventBridge: EventBridgeClient;
  readonly dynamoDb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly kms: KMSClient;
  /** Closes the clients built so far (their sockets), e.g. at the end of a test. */
  destroy(): void;
}

/**
 * All clients from one configuration, created lazily.
 *
 * @example
 * const clients = createAwsClients({ ...awsClientConfigFromEnv(), maxAttempts: 5 });
 * const publisher = new SqsChangePublisher({ client: clients.sqs, queueUrls });
 */
export function createAwsClients(config: AwsClientConfig = {}): AwsClients {
  resolve(config); // fail on a bad configuration now, not on first use
  const built: { destroy(): void }[] = [];
  const lazy = <T extends { destroy(): void }>(create: () => T) => {
    let client: T | undefined;
    return () => {
      if (!client) {
        client = create();
        built.push(client);
      }
      return client;
    };
  };
  const sqs = lazy(() => createSqsClient(config));
  const eventBridge = lazy(() => createEventBridgeClient(config));
  const dynamoDb = lazy(() => createDynamoDbClient(config));
  const documentClient = lazy(() => createDocumentClient(dynamoDb()));
  const kms = lazy(() => createKmsClient(config));
  return {
    get sqs() {
      return sqs();
    },
    get eventBridge() {
      return eventBridge();
    },
    get dynamoDb() {
      return dynamoDb();
    },
    get documentClient() {
      return documentClient();
    },
    get kms() {
      return kms();
    },
    destroy() {
      for (const client of built.splice(0)) client.destroy();
    },
  };
}
