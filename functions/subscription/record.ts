import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { subscriptionSync } from '../../lib/sync/kinds/subscription.ts';

/** Processes one Subscription change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, subscriptionSync, ports);
