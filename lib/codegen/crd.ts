/**
 * Builds the `apiextensions.k8s.io/v1` CustomResourceDefinition of a kind from its contract.
 */
import type { KindDefinition } from '../crds/kinds.ts';
import { type JsonSchemaProps, toStructuralSchema } from './structural-schema.ts';

/** The subset of a CustomResourceDefinition the generator produces. */
export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    group: string;
    /** `shortNames` is left out when a kind has none, as in GKO's CRDs. */
    names: { kind: string; listKind: string; plural: string; singular: string; shortNames?: string[] };
    scope: 'Namespaced';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      subresources: { status: Record<string, never> };
      /** Left out when a kind has no extra column, as in GKO's CRDs. */
      additionalPrinterColumns?: KindDefinition['printerColumns'];
      schema: { openAPIV3Schema: JsonSchemaProps };
    }>;
  };
}

/** `<plural>.<group>`, the mandatory name of a CRD. */
export function crdName(definition: KindDefinition): string {
  return `${definition.plural}.${definition.group}`;
}

/**
 * The root schema of a resource. `metadata` is left to the API server (a CRD may not describe
 * it), and `status` is a subresource so that spec writers cannot overwrite it.
 */
export function resourceSchema(definition: KindDefinition): JsonSchemaProps {
  return {
    type: 'object',
    description: definition.description,
    properties: {
      apiVersion: { type: 'string', description: 'Versioned schema of this object (group/version).' },
      kind: { type: 'string', description: 'REST resource this object represents.' },
      metadata: { type: 'object' },
      spec: toStructuralSchema(definition.spec),
      status: toStructuralSchema(definition.status),
    },
    required: ['spec'],
  };
}

/** Generates the CustomResourceDefinition of one kind. */
export function buildCrd(definition: KindDefinition): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: crdName(definition),
      labels: { 'app.kubernetes.io/part-of': 'gravitee-serverless-operator' },
    },
    spec: {
      group: definition.group,
      names: {
        kind: definition.kind,
        listKind: definition.listKind,
        plural: definition.plural,
        singular: definition.singular,
        ...(definition.shortNames.length > 0 ? { shortNames: [...definition.shortNames] } : {}),
      },
      scope: definition.scope,
      versions: [
        {
          name: definition.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          ...(definition.printerColumns.length > 0
            ? { additionalPrinterColumns: definition.printerColumns.map((column) => ({ ...column })) }
            : {}),
          schema: { openAPIV3Schema: resourceSchema(definition) },
        },
      ],
    },
  };
}
