import { z } from 'zod';

/** What parts of a request/response or message are written to the logs. */
export const LoggingContent = z
  .strictObject({
    headers: z.boolean().describe('Log HTTP headers.'),
    messageHeaders: z.boolean().describe('Log message headers.'),
    messageMetadata: z.boolean().describe('Log message metadata.'),
    messagePayload: z.boolean().describe('Log message payloads.'),
    payload: z.boolean().describe('Log HTTP bodies.'),
  })
  .describe('Parts of the traffic included in log entries.');

/** Which hops of the round trip are logged. */
export const LoggingMode = z
  .strictObject({
    endpoint: z.boolean().describe('Log the call from the gateway to the backend.'),
    entrypoint: z.boolean().describe('Log the call from the client to the gateway.'),
  })
  .describe('Hops of the round trip included in log entries.');

/** Which phases of the round trip are logged. */
export const LoggingPhase = z
  .strictObject({
    request: z.boolean().describe('Log the request phase.'),
    response: z.boolean().describe('Log the response phase.'),
  })
  .describe('Phases of the round trip included in log entries.');

/** Request/message logging settings. */
export const Logging = z
  .strictObject({
    condition: z.string().optional().describe('EL expression deciding whether an HTTP request is logged.'),
    content: LoggingContent.optional(),
    messageCondition: z.string().optional().describe('EL expression deciding whether a message is logged.'),
    mode: LoggingMode.optional(),
    phase: LoggingPhase.optional(),
  })
  .describe('Traffic logging settings.');

/** Message sampling strategies for analytics. */
export const SamplingType = z.enum(['PROBABILITY', 'TEMPORAL', 'COUNT', 'WINDOWED_COUNT']);

/** How messages are sampled for analytics (message APIs). */
export const Sampling = z
  .strictObject({
    type: SamplingType.describe('Sampling strategy.'),
    value: z.string().describe('Strategy parameter (probability, duration or count).'),
  })
  .describe('Message sampling used for analytics.');

/** OpenTelemetry tracing settings. */
export const Tracing = z
  .strictObject({
    enabled: z.boolean().optional().describe('Emit traces for this API.'),
    verbose: z.boolean().optional().describe('Include a span per policy.'),
  })
  .describe('Tracing settings.');

/** OpenTelemetry log export settings. */
export const OtelLogs = z
  .strictObject({
    enabled: z.boolean().optional().describe('Export logs of this API through OpenTelemetry.'),
  })
  .describe('OpenTelemetry log export.');

/** Analytics of an API (not applicable to native APIs). */
export const Analytics = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Collect analytics for this API.'),
    logging: Logging.optional(),
    otelLogs: OtelLogs.optional(),
    reporterMetricsEnabled: z
      .boolean()
      .optional()
      .describe('Report connection metrics from the gateway (native APIs only).'),
    sampling: Sampling.optional(),
    tracing: Tracing.optional(),
  })
  .describe('Analytics, logging and tracing settings (not for native APIs).');

/** API analytics settings. */
export type Analytics = z.infer<typeof Analytics>;
