import { z } from 'zod';

/**
 * Portal life cycle of a v2 API. Unlike v4 APIs, v2 APIs start in `CREATED` until they are
 * published for the first time.
 */
export const ApiV2LifecycleState = z.enum(['CREATED', 'PUBLISHED', 'UNPUBLISHED', 'DEPRECATED', 'ARCHIVED']);

/** Gateway engine running a v2 API: the legacy v3 engine or the v4 engine emulating v2 behaviour. */
export const ExecutionMode = z.enum(['v3', 'v4-emulation-engine']);

/** How flows are matched: all matching flows run (`DEFAULT`) or only the closest match (`BEST_MATCH`). */
export const FlowMode = z.enum(['DEFAULT', 'BEST_MATCH']);

/** A v2 API life cycle state. */
export type ApiV2LifecycleState = z.infer<typeof ApiV2LifecycleState>;
/** `v3` or `v4-emulation-engine`. */
export type ExecutionMode = z.infer<typeof ExecutionMode>;
/** `DEFAULT` or `BEST_MATCH`. */
export type FlowMode = z.infer<typeof FlowMode>;
