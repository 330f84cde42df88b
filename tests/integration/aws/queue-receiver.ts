import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A message as a test sees it: body, FIFO group and String attributes. */
export interface ReceivedMessage {
  body: string;
  groupId: string | undefined;
  attributes: Record<string, string>;
  receiveCount: number;
}

/**
 * Receives and deletes messages until `expected` arrived or a receive comes back empty, in the order the
 * queue hands them out. Deleting as it goes is what lets a FIFO queue release the next message of a group.
 *
 * `waitSeconds` defaults to 0: moto stores a message (and delivers an EventBridge event to its SQS targets)
 * before answering the send, so an empty short poll really means "nothing more", and the tier stays fast.
 * Against real SQS, pass a long poll.
 *
 * @example const messages = await drain(sqs, queueUrl, 25);
 */
export async function drain(
  sqs: SQSClient,
  queueUrl: string,
  expected = Number.POSITIVE_INFINITY,
  waitSeconds = 0,
): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  while (received.length < expected) {
    const response = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['MessageGroupId', 'ApproximateReceiveCount'],
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = response.Messages ?? [];
    if (messages.length === 0) break;
    for (const m of messages) {
      received.push({
        body: m.Body ?? '',
        groupId: m.Attributes?.MessageGroupId,
        attributes: Object.fromEntries(
          Object.entries(m.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']),
        ),
        receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
      });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return received;
}
