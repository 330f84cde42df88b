import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type Registry, RegistryConflictError } from '../ports/registry.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import { parseResourceKey, type ResourceKey, resourceKeyString } from '../resource-key.ts';
import { parseAdapterOptions, sdkClient } from './adapter-options.ts';
import {
  fromResourceItem,
  RESOURCE_SK,
  refItem,
  refPk,
  resourcePk,
  toResourceItem,
  uniqueReferences,
} from './dynamodb-registry-items.ts';
import { errorCode, errorMessage } from './sdk-errors.ts';

export interface DynamoDbRegistryOptions {
  /** A document client (lib-dynamodb), e.g. from `createDocumentClient`. */
  client: DynamoDBDocumentClient;
  /** Table with string keys `pk` (partition) and `sk` (sort). */
  tableName: string;
  /** How often `remove` re-reads and retries when a concurrent write moves the record. Default 5. */
  removeAttempts?: number;
}

export const dynamoDbRegistryDefaults = { removeAttempts: 5 };

/**
 * A DynamoDB transaction holds at most 100 items: the record plus its reference items. Capping the references
 * of one resource at 99 keeps `remove` (which deletes them all at once) always possible.
 */
export const MAX_REFERENCES = 99;

const optionsSchema = z.object({
  client: sdkClient<DynamoDBDocumentClient>('a DynamoDBDocumentClient'),
  tableName: z.string().min(3).max(255),
  removeAttempts: z.number().int().min(1).max(20),
});

/** A registry operation failed for another reason than a concurrent writer (throttling, table missing, …). */
export class DynamoDbRegistryError extends Error {
  override readonly name = 'DynamoDbRegistryError';
}

/**
 * {@link Registry} in one DynamoDB table (layout in `dynamodb-registry-items.ts`). Reads are strongly
 * consistent so a conditional `put` right after a `get` sees the same version.
 *
 * `put` writes the record on condition of its version (`attribute_not_exists(pk)` for version 1, else the
 * stored version must be `version - 1`) and, in the same transaction, adds and deletes the reverse-reference
 * items that changed since the stored record — so the index never disagrees with the records. A lost race
 * throws {@link RegistryConflictError}.
 *
 * @example
 * const registry = new DynamoDbRegistry({ client: createDocumentClient(config), tableName: 'gso-registry' });
 * const current = await registry.get(key);
 * await registry.put({ ...next, version: (current?.version ?? 0) + 1 });
 */
export class DynamoDbRegistry implements Registry {
  private readonly options: z.infer<typeof optionsSchema>;

  constructor(options: DynamoDbRegistryOptions) {
    this.options = parseAdapterOptions('DynamoDbRegistry', optionsSchema, {
      ...dynamoDbRegistryDefaults,
      ...options,
    });
  }

  async get(key: ResourceKey): Promise<ResourceRecord | undefined> {
    const response = await this.call(`get ${resourceKeyString(key)}`, () =>
      this.options.client.send(
        new GetCommand({
          TableName: this.options.tableName,
          Key: { pk: resourcePk(key), sk: RESOURCE_SK },
          ConsistentRead: true,
        }),
      ),
    );
    return response.Item ? fromResourceItem(response.Item) : undefined;
  }

  async put(record: ResourceRecord): Promise<void> {
    const name = resourceKeyString(record.key);
    if (!Number.isInteger(record.version) || record.version < 1) {
      throw new DynamoDbRegistryError(`${name}: version must be a positive integer, got ${record.version}`);
    }
    const next = uniqueReferences(record.references);
    if (next.length > MAX_REFERENCES) {
      throw new DynamoDbRegistryError(
        `${name}: ${next.length} references, the registry keeps at most ${MAX_REFERENCES}`,
      );
    }
    // Version 1 creates the record: nothing stored, nothing to diff against (a stored one fails the condition).
    const previous = record.version === 1 ? [] : await this.storedReferences(record.key, record.version - 1);
    const added = next.filter((ref) => !previous.includes(ref));
    const removed = previous.filter((ref) => !next.includes(ref));
    const condition =
      record.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :previous',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':previous': record.version - 1 },
          };
    const put = { TableName: this.options.tableName, Item: toResourceItem(record), ...condition };
    const conflict = `${name}: another writer stored version ${record.version} first`;

    if (added.length === 0 && removed.length === 0) {
      // A single conditional put costs half a transaction and is just as atomic.
      await this.call(`put ${name}`, () => this.options.client.send(new PutCommand(put)), conflict);
      return;
    }
    await this.call(
      `put ${name}`,
      () =>
        this.options.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              ...added.map((target) => ({
                Put: { TableName: this.options.tableName, Item: refItem(name, target) },
              })),
              ...removed.map((target) => ({
                Delete: { TableName: this.options.tableName, Key: refItem(name, target) },
              })),
            ],
          }),
        ),
      conflict,
    );
  }

  async dependents(target: ResourceKey): Promise<ResourceKey[]> {
    const keys: ResourceKey[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.call(`dependents of ${resourceKeyString(target)}`, () =>
        this.options.client.send(
          new QueryCommand({
            TableName: this.options.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': refPk(target) },
            ProjectionExpression: 'sk',
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) keys.push(parseResourceKey(String(item.sk)));
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return keys;
  }

  async remove(key: ResourceKey): Promise<void> {
    const name = resourceKeyString(key);
    for (let attempt = 1; attempt <= this.options.removeAttempts; attempt++) {
      const stored = await this.readVersionAndReferences(key);
      if (!stored) return;
      try {
        await this.call(
          `remove ${name}`,
          () =>
            this.options.client.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    // Conditional, so references added by a concurrent put are not left behind.
                    Delete: {
                      TableName: this.options.tableName,
                      Key: { pk: resourcePk(key), sk: RESOURCE_SK },
                      ConditionExpression: '#version = :version',
                      ExpressionAttributeNames: { '#version': 'version' },
                      ExpressionAttributeValues: { ':version': stored.version },
                    },
                  },
                  ...stored.references.map((target) => ({
                    Delete: { TableName: this.options.tableName, Key: refItem(name, target) },
                  })),
                ],
              }),
            ),
          `${name} changed while being removed`,
        );
        return;
      } catch (error) {
        if (!(error instanceof RegistryConflictError) || attempt === this.options.removeAttempts) throw error;
      }
    }
  }

  /** References of the stored record, which must be at `version`; otherwise someone else wrote first. */
  private async storedReferences(key: ResourceKey, version: number): Promise<string[]> {
    const stored = await this.readVersionAndReferences(key);
    if (stored?.version !== version) {
      throw new RegistryConflictError(
        `${resourceKeyString(key)}: expected stored version ${version}, found ${stored ? stored.version : 'none'}`,
      );
    }
    return stored.references;
  }

  private async readVersionAndReferences(
    key: ResourceKey,
  ): Promise<{ version: number; references: string[] } | undefined> {
    const response = await this.call(`read ${resourceKeyString(key)}`, () =>
      this.options.client.send(
        new GetCommand({
          TableName: this.options.tableName,
          Key: { pk: resourcePk(key), sk: RESOURCE_SK },
          ProjectionExpression: '#version, #references',
          ExpressionAttributeNames: { '#version': 'version', '#references': 'references' },
          ConsistentRead: true,
        }),
      ),
    );
    if (!response.Item) return undefined;
    const references = response.Item.references;
    return {
      version: Number(response.Item.version),
      references: Array.isArray(references) ? references.map(String) : [],
    };
  }

  /**
   * Runs one DynamoDB call; a failed condition (or a transaction cancelled by one, or by a concurrent
   * transaction on the same items) becomes {@link RegistryConflictError} when `conflict` is given — either
   * way another writer got there first and the caller should re-read. Anything else is wrapped.
   */
  private async call<T>(what: string, send: () => Promise<T>, conflict?: string): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (conflict !== undefined && isConflict(error))
        throw new RegistryConflictError(conflict, { cause: error });
      throw new DynamoDbRegistryError(
        `registry ${what} in ${this.options.tableName} failed: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

function isConflict(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'ConditionalCheckFailedException') return true;
  if (code !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
}
