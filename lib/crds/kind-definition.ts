/**
 * What the operator needs to know about one custom resource kind. Each kind's contract module exports one
 * {@link KindDefinition}; `kinds.ts` gathers them.
 */
import type { z } from 'zod';

/** An extra column shown by `kubectl get`. */
export interface PrinterColumn {
  name: string;
  jsonPath: string;
  type: string;
  description?: string;
}

/** Everything needed to serve, validate and publish the CRD of one kind. */
export interface KindDefinition<K extends string = string> {
  kind: K;
  group: 'gravitee.io';
  version: 'v1alpha1';
  /** Resource scope; every Gravitee kind is namespaced. */
  scope: 'Namespaced';
  plural: string;
  singular: string;
  listKind: string;
  shortNames: string[];
  /** Finalizer guarding APIM clean-up; GKO's name so resources it created are adopted. */
  finalizer: string;
  /** Description of the whole resource, shown by `kubectl explain`. */
  description: string;
  spec: z.ZodType;
  status: z.ZodType;
  resource: z.ZodType;
  printerColumns: PrinterColumn[];
}

/** Fills the fields every Gravitee kind shares (group, version, scope, listKind, singular). */
export function defineKind<K extends string>(
  fields: Omit<KindDefinition<K>, 'group' | 'version' | 'scope' | 'listKind' | 'singular'> & {
    singular?: string;
  },
): KindDefinition<K> {
  return {
    group: 'gravitee.io',
    version: 'v1alpha1',
    scope: 'Namespaced',
    listKind: `${fields.kind}List`,
    singular: fields.singular ?? fields.kind.toLowerCase(),
    ...fields,
  };
}
