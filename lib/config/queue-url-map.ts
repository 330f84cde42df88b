import { z } from 'zod';

/** An environment variable holding a JSON map of kind → SQS queue URL, e.g. `GSO_CHANGE_QUEUES`. */
export const QueueUrlMapSchema = z.string().transform((text, ctx) => {
  try {
    return z.record(z.string(), z.url()).parse(JSON.parse(text));
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `not a JSON map of kind to queue URL: ${(error as Error).message}`,
    });
    return z.NEVER;
  }
});
