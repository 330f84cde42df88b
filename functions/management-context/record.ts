import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { managementContextSync } from '../../lib/sync/kinds/management-context.ts';

/** Processes one ManagementContext change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, managementContextSync, ports);
