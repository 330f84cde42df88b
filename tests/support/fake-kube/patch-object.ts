import { isJsonObject, type JsonValue } from './json.ts';
import { applyMergePatch } from './json-merge-patch.ts';
import { applyJsonPatch, JsonPatchDecodeError } from './json-patch.ts';
import { JsonPatchApplyError } from './json-pointer.ts';
import type { KubeObject } from './kube-object.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import { badRequest, unprocessablePatch, unsupportedMediaType } from './status-errors.ts';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';

/** A PATCH Content-Type (one of client-node's `PatchStrategy` values when valid). */
export type PatchType = string;

/** RFC 6902 JSON patch. */
export const JSON_PATCH = 'application/json-patch+json';
/** RFC 7386 JSON merge patch. */
export const MERGE_PATCH = 'application/merge-patch+json';
/** Kubernetes strategic merge patch (built-in types only). */
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
/** Server-side apply (not implemented by this fake). */
export const APPLY_PATCH = 'application/apply-patch+yaml';

/** Patch types the real server advertises in its 415 message for this resource. */
export function advertisedPatchTypes(definition: ResourceDefinition): string[] {
  return definition.custom
    ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH]
    : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
}

/**
 * Applies a PATCH body to `existing` and returns the patched document (not yet validated).
 *
 * @throws KubeStatusError 415 for an unsupported Content-Type (strategic merge on custom resources,
 *   server-side apply), 400 for a malformed patch, 422 when a JSON patch operation (e.g. `test`) fails
 */
export function patchObject(
  definition: ResourceDefinition,
  existing: KubeObject,
  patchType: PatchType,
  patch: unknown,
): JsonValue {
  const document = existing as unknown as JsonValue;
  switch (patchType) {
    case JSON_PATCH:
      try {
        return applyJsonPatch(document, patch);
      } catch (error) {
        if (error instanceof JsonPatchDecodeError) throw badRequest(error.message);
        if (error instanceof JsonPatchApplyError) throw unprocessablePatch();
        throw error;
      }
    case MERGE_PATCH:
      if (!isJsonObject(patch)) throw badRequest('Invalid JSON Patch');
      return applyMergePatch(document, patch);
    case STRATEGIC_MERGE_PATCH:
      if (definition.custom) throw unsupportedMediaType(advertisedPatchTypes(definition));
      if (!isJsonObject(patch)) throw badRequest('invalid JSON document');
      return applyStrategicMergePatch(document, patch);
    default:
      // Server-side apply is not implemented by this fake: it is refused like an unknown type, and
      // left out of the advertised list so the message does not contradict itself.
      throw unsupportedMediaType(advertisedPatchTypes(definition).filter((type) => type !== APPLY_PATCH));
  }
}
