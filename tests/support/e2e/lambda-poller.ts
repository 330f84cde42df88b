import { randomUUID } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  type Message,
  MessageSystemAttributeName,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

function toRecord(message: Message, queueArn: string): SQSRecord {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? randomUUID(),
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'test',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(a.MessageGroupId ? { MessageGroupId: a.MessageGroupId } : {}),
      ...(a.MessageDeduplicationId ? { MessageDeduplicationId: a.MessageDeduplicationId } : {}),
      ...(a.SequenceNumber ? { SequenceNumber: a.SequenceNumber } : {}),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  };
}

function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/**
 * Stands in for Lambda's SQS event source mapping in tests: receives batches from a real (moto) queue,
 * invokes the real handler, and deletes the records the partial batch response did not report as failed —
 * which is exactly what the managed poller does with `ReportBatchItemFailures`.
 */
export class LambdaPoller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  invocations = 0;

  private readonly sqs: SQSClient;
  private readonly queue: { url: string; arn: string };
  private readonly handler: Handler;
  private readonly functionName: string;

  constructor(sqs: SQSClient, queue: { url: string; arn: string }, handler: Handler, functionName: string) {
    this.sqs = sqs;
    this.queue = queue;
    this.handler = handler;
    this.functionName = functionName;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let messages: Message[] = [];
      try {
        const out = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queue.url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: [MessageSystemAttributeName.All],
          }),
          { abortSignal: this.abort.signal },
        );
        messages = out.Messages ?? [];
      } catch {
        if (this.abort.signal.aborted) return;
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      if (messages.length === 0) continue;
      const records = messages.map((m) => toRecord(m, this.queue.arn));
      this.invocations += 1;
      const response = await this.handler({ Records: records }, lambdaContext(this.functionName));
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      const done = records.filter((r) => !failed.has(r.messageId));
      if (done.length > 0) {
        await this.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.queue.url,
            Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
          }),
        );
      }
    }
  }
}
