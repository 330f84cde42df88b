import { z } from 'zod';
import { int64 } from '../schema-helpers.ts';

/** HTTP methods the dictionary provider can be called with. */
export const ProviderHttpMethod = z.enum([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'CONNECT',
]);

/** An HTTP header sent to the dictionary provider. */
export const ProviderHeader = z.strictObject({
  name: z.string().describe('Header name.'),
  value: z.string().describe('Header value.'),
});

/** The HTTP endpoint a dynamic dictionary is filled from. */
export const DictionaryProvider = z
  .strictObject({
    body: z.string().optional().describe('Request body sent to the provider.'),
    headers: z.array(ProviderHeader).optional().describe('Headers sent to the provider.'),
    method: ProviderHttpMethod.describe('HTTP method of the provider call.'),
    specification: z
      .string()
      .describe('JOLT specification turning the provider response into dictionary entries.'),
    type: z.enum(['HTTP']).describe('Provider type; only HTTP exists.'),
    url: z.string().describe('URL of the provider.'),
    useSystemProxy: z.boolean().optional().describe('Call the provider through the configured system proxy.'),
  })
  .describe('HTTP provider the dictionary entries are fetched from.');

/** Time units of the polling schedule. */
export const TriggerUnit = z.enum(['MICROSECONDS', 'MILLISECONDS', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS']);

/** How often the provider is polled. */
export const DictionaryTrigger = z
  .strictObject({
    rate: int64().describe('Polling interval, in unit.'),
    unit: TriggerUnit.describe('Time unit of rate.'),
  })
  .describe('Polling schedule of the provider.');

/** Settings of a DYNAMIC dictionary, refreshed from an HTTP provider. */
export const DynamicDictionary = z
  .strictObject({
    provider: DictionaryProvider,
    trigger: DictionaryTrigger,
  })
  .describe('Provider and schedule of a DYNAMIC dictionary (set only when type is DYNAMIC).');

/** Dynamic dictionary settings. */
export type DynamicDictionary = z.infer<typeof DynamicDictionary>;
