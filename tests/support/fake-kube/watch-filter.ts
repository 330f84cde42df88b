import type { StoredEvent } from './event-history.ts';
import type { FieldSelector } from './field-selector.ts';
import { cloneJson } from './json.ts';
import type { KubeObject } from './kube-object.ts';
import type { LabelSelector } from './label-selector.ts';
import type { ResourceDefinition } from './resource-definition.ts';

/** A watch event as written on the wire. */
export interface WireEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** What a watch (or list) selects: one resource type, optionally one namespace, label and field selectors. */
export interface Selection {
  definition: ResourceDefinition;
  namespace?: string;
  labels: LabelSelector;
  fields: FieldSelector;
}

/** True when `object` belongs to the selection. */
export function selects(selection: Selection, object: KubeObject): boolean {
  if (
    selection.definition.namespaced &&
    selection.namespace &&
    object.metadata.namespace !== selection.namespace
  ) {
    return false;
  }
  return selection.labels.matches(object.metadata.labels) && selection.fields.matches(object);
}

/**
 * Turns a committed change into what a filtered watch sees, as the watch cache does: an update that
 * moves an object into the selection is ADDED, one that moves it out is DELETED (previous content,
 * new resourceVersion), and changes outside the selection are dropped.
 */
export function toWireEvent(selection: Selection, event: StoredEvent): WireEvent | undefined {
  if (event.resource !== selection.definition) return undefined;
  const now = selects(selection, event.object);
  if (event.type !== 'MODIFIED' || !event.previous) {
    return now ? { type: event.type, object: cloneJson(event.object) } : undefined;
  }
  const before = selects(selection, event.previous);
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object: cloneJson(event.object) };
  if (!before) return undefined;
  const previous = cloneJson(event.previous);
  previous.metadata.resourceVersion = String(event.resourceVersion);
  return { type: 'DELETED', object: previous };
}
