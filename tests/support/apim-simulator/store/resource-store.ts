import type { JsonObject } from '../json.ts';

/** A resource as the simulated APIM persists it: the last accepted spec plus the ids APIM assigned. */
export interface StoredResource {
  /** Resource kind, e.g. `api`; each automation kind gets its own namespace. */
  readonly kind: string;
  readonly hrid: string;
  readonly id: string;
  readonly crossId?: string;
  readonly organizationId: string;
  readonly environmentId: string;
  /**
   * Hrid of the parent of a nested resource (the API of a subscription, the portal of a listing); hrids of
   * nested resources are unique per parent only.
   */
  readonly parentHrid?: string;
  readonly spec: JsonObject;
  /** State APIM keeps beside the spec: lifecycle status, timestamps, references it resolved. */
  readonly internal?: JsonObject;
}

/** In-memory persistence of automation resources, keyed by kind, organization, environment, parent and hrid. */
export class ResourceStore {
  private readonly resources = new Map<string, StoredResource>();

  /** The stored resource, if any; `parentHrid` scopes nested resources. */
  get(
    kind: string,
    organizationId: string,
    environmentId: string,
    hrid: string,
    parentHrid?: string,
  ): StoredResource | undefined {
    return this.resources.get(keyOf(kind, organizationId, environmentId, hrid, parentHrid));
  }

  /** Creates or replaces a resource. */
  put(resource: StoredResource): void {
    this.resources.set(
      keyOf(
        resource.kind,
        resource.organizationId,
        resource.environmentId,
        resource.hrid,
        resource.parentHrid,
      ),
      resource,
    );
  }

  /** Removes a resource; false when there was none. */
  delete(
    kind: string,
    organizationId: string,
    environmentId: string,
    hrid: string,
    parentHrid?: string,
  ): boolean {
    return this.resources.delete(keyOf(kind, organizationId, environmentId, hrid, parentHrid));
  }

  /** Resources of a kind, optionally restricted to one environment, in insertion order. */
  list(kind: string, environmentId?: string): StoredResource[] {
    return [...this.resources.values()].filter(
      (resource) =>
        resource.kind === kind && (environmentId === undefined || resource.environmentId === environmentId),
    );
  }

  /** Forgets everything. */
  clear(): void {
    this.resources.clear();
  }
}

function keyOf(
  kind: string,
  organizationId: string,
  environmentId: string,
  hrid: string,
  parentHrid = '',
): string {
  return [kind, organizationId, environmentId, parentHrid, hrid].join('\u0000');
}
