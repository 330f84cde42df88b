import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { notificationSync } from '../../lib/sync/kinds/notification.ts';

/** Processes one Notification change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, notificationSync, ports);
