import type { SQSRecord } from 'aws-lambda';
import { type FunctionPorts, handleSqsRecord } from '../../lib/lambda/create-sqs-handler.ts';
import { sharedPolicyGroupSync } from '../../lib/sync/kinds/shared-policy-group.ts';

/** Processes one SharedPolicyGroup change record with the given ports (no Lambda needed). */
export const handleRecord = (record: SQSRecord, ports: FunctionPorts) =>
  handleSqsRecord(record, sharedPolicyGroupSync, ports);
