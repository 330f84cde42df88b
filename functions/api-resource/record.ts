import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { apiResourceSync } from '../../lib/sync/kinds/api-resource.ts';

/** Processes one ApiResource change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, apiResourceSync, ports);
