/**
 * Entry point for the building blocks shared by all CRD contracts.
 *
 * Each concept lives in its own file; this module only gathers them so callers have a single
 * import path.
 */
export { Condition, ConditionStatus, conditionList } from './condition.ts';
export { ObjectMeta, OwnerReference } from './object-meta.ts';
export { ObjectRef } from './object-ref.ts';
export { customResource, GRAVITEE_API_VERSION } from './resource.ts';
export {
  freeFormObject,
  int32,
  int64,
  PRESERVE_UNKNOWN_FIELDS,
  stringList,
  stringMap,
} from './schema-helpers.ts';
export { ProcessingStatus, processingStatusField, StatusErrors } from './status-errors.ts';
