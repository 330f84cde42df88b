import { apiVersionOf, groupResourceOf, type ResourceDefinition } from './resource-definition.ts';

/**
 * How a test names a resource type: a plural (`'managementcontexts'`, core group preferred when
 * ambiguous, as kubectl does), a qualified plural (`'events.events.k8s.io'`), or explicit coordinates.
 */
export type ResourceRef = string | { group: string; version?: string; plural: string };

/** Thrown when a test names a resource type the server does not serve. */
export class UnknownResourceError extends Error {
  override readonly name = 'UnknownResourceError';
}

/** The resource types a fake server serves, looked up by URL coordinates, by kind, or by a {@link ResourceRef}. */
export class ResourceRegistry {
  readonly #definitions: ResourceDefinition[] = [];

  /** Serves one more resource type; registering the same group/version/plural twice is a test bug. */
  register(definition: ResourceDefinition): void {
    if (this.find(definition.group, definition.version, definition.plural)) {
      throw new Error(`resource ${groupResourceOf(definition)}/${definition.version} is already registered`);
    }
    this.#definitions.push(definition);
  }

  /** Every registered definition, in registration order. */
  all(): readonly ResourceDefinition[] {
    return this.#definitions;
  }

  find(group: string, version: string, plural: string): ResourceDefinition | undefined {
    return this.#definitions.find((d) => d.group === group && d.version === version && d.plural === plural);
  }

  /** The definition whose `apiVersion`/`kind` an object carries. */
  findByKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    return this.#definitions.find((d) => apiVersionOf(d) === apiVersion && d.kind === kind);
  }

  /** Resolves a {@link ResourceRef}; throws {@link UnknownResourceError} when nothing matches. */
  resolve(ref: ResourceRef): ResourceDefinition {
    const found = typeof ref === 'string' ? this.#resolveName(ref) : this.#resolveCoordinates(ref);
    if (!found) throw new UnknownResourceError(`the fake API server does not serve ${JSON.stringify(ref)}`);
    return found;
  }

  #resolveName(name: string): ResourceDefinition | undefined {
    const dot = name.indexOf('.');
    if (dot > 0) {
      const plural = name.slice(0, dot);
      const group = name.slice(dot + 1);
      const qualified = this.#definitions.find((d) => d.plural === plural && d.group === group);
      if (qualified) return qualified;
    }
    const matches = this.#definitions.filter((d) => d.plural === name || d.shortNames.includes(name));
    return matches.find((d) => d.group === '') ?? matches[0];
  }

  #resolveCoordinates(ref: {
    group: string;
    version?: string;
    plural: string;
  }): ResourceDefinition | undefined {
    return this.#definitions.find(
      (d) =>
        d.group === ref.group &&
        d.plural === ref.plural &&
        (ref.version === undefined || d.version === ref.version),
    );
  }
}
