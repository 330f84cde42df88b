import { z } from 'zod';

/** Thrown when an AWS adapter is constructed with options it cannot work with. */
export class AdapterOptionsError extends Error {
  override readonly name = 'AdapterOptionsError';
}

/**
 * Validates an adapter's options (defaults already merged in) and names the adapter and the offending
 * fields, so a misconfigured Lambda fails at cold start rather than on its first message.
 *
 * @example
 * const opts = parseAdapterOptions('SqsRetryScheduler', schema, { ...defaults, ...options });
 */
export function parseAdapterOptions<T>(adapter: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AdapterOptionsError(`${adapter}: invalid options\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Schema of an injected SDK client. Only `send` is checked (not `instanceof`) so a client from another copy
 * of the SDK, or one wrapped by `aws-sdk-client-mock`, is accepted.
 *
 * @example
 * const schema = z.object({ client: sdkClient<SQSClient>('an SQSClient') });
 */
export function sdkClient<T>(description: string) {
  return z.custom<T>(
    (value) =>
      typeof value === 'object' && value !== null && typeof Reflect.get(value, 'send') === 'function',
    { message: `expected ${description}` },
  );
}

/** Retry knobs shared by the adapters that resend failed batch entries themselves. */
export const retrySchema = {
  /** Attempts per entry, the first included. */
  maxAttempts: z.number().int().min(1).max(20),
  baseDelayMs: z.number().int().nonnegative(),
  maxDelayMs: z.number().int().nonnegative(),
};
