import { z } from 'zod';

/** DNS-1123 subdomain: the naming rule Kubernetes applies to custom resource names. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * An owner reference, kept loose: the operator only reads it and Kubernetes owns its contract.
 */
export const OwnerReference = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  uid: z.string(),
  controller: z.boolean().optional(),
  blockOwnerDeletion: z.boolean().optional(),
});

/**
 * The subset of Kubernetes `ObjectMeta` the operator relies on.
 *
 * Unknown keys are preserved (loose object) because the API server adds fields such as
 * `managedFields` or `creationTimestamp` that the operator must carry along untouched.
 */
export const ObjectMeta = z.looseObject({
  name: z
    .string()
    .min(1)
    .max(253)
    .regex(DNS_SUBDOMAIN, 'must be a lowercase DNS-1123 subdomain')
    .describe('Name of the resource, unique within its namespace.'),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.int().min(0).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  finalizers: z.array(z.string()).optional(),
  deletionTimestamp: z.string().optional().describe('Set by Kubernetes once deletion was requested.'),
  ownerReferences: z.array(OwnerReference).optional(),
});

/** Kubernetes object metadata, as far as the operator is concerned. */
export type ObjectMeta = z.infer<typeof ObjectMeta>;
/** A Kubernetes owner reference. */
export type OwnerReference = z.infer<typeof OwnerReference>;
