import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { dictionarySync } from '../../lib/sync/kinds/dictionary.ts';

/** Processes one Dictionary change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, dictionarySync, ports);
