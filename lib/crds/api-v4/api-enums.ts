import { z } from 'zod';

/** Kinds of v4 APIs. */
export const ApiType = z.enum(['PROXY', 'MESSAGE', 'NATIVE', 'LLM_PROXY', 'MCP_PROXY', 'A2A_PROXY']);
/** Whether gateways serve the API. */
export const ApiState = z.enum(['STARTED', 'STOPPED']);
/** Portal life cycle of the API. */
export const LifecycleState = z.enum(['PUBLISHED', 'UNPUBLISHED', 'DEPRECATED', 'ARCHIVED']);
/** Portal visibility of the API. */
export const ApiVisibility = z.enum(['PUBLIC', 'PRIVATE']);
/** Definition versions this kind accepts. */
export const ApiV4DefinitionVersion = z.enum(['V4']);

/** A v4 API type. */
export type ApiType = z.infer<typeof ApiType>;
/** STARTED or STOPPED. */
export type ApiState = z.infer<typeof ApiState>;
