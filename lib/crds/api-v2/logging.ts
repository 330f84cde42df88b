import { z } from 'zod';

/** Which hops are logged: client to gateway, gateway to backend, both or none. */
export const LoggingMode = z.enum(['NONE', 'CLIENT', 'PROXY', 'CLIENT_PROXY']);
/** Which phases of the round trip are logged. */
export const LoggingScope = z.enum(['NONE', 'REQUEST', 'RESPONSE', 'REQUEST_RESPONSE']);
/** Which parts of the messages are logged. */
export const LoggingContent = z.enum(['NONE', 'HEADERS', 'PAYLOADS', 'HEADERS_PAYLOADS']);

/** Request logging of a v2 API. */
export const Logging = z
  .strictObject({
    condition: z.string().optional().describe('EL expression deciding whether a request is logged.'),
    content: LoggingContent.optional().describe('Parts of the messages written to the logs.'),
    mode: LoggingMode.optional().describe('Hops logged: CLIENT (to the gateway), PROXY (to the backend).'),
    scope: LoggingScope.optional().describe('Phases of the round trip logged.'),
  })
  .describe('Request logging settings.');

/** Logging settings of a v2 API. */
export type Logging = z.infer<typeof Logging>;
