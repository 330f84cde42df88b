import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { apiDefinitionSync } from '../../lib/sync/kinds/api-definition.ts';

/** Processes one ApiDefinition change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, apiDefinitionSync, ports);
