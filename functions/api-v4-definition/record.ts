import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { apiV4DefinitionSync } from '../../lib/sync/kinds/api-v4-definition.ts';

/** Processes one ApiV4Definition change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, apiV4DefinitionSync, ports);
