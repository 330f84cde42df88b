import { z } from 'zod';

/**
 * Secret values carried by a change event, sealed with envelope encryption: one data key per event,
 * wrapped by KMS (or the local key), and one AES-256-GCM ciphertext per value.
 *
 * `pointer` is a JSON pointer into the resolution document the function rebuilds in memory:
 * `/spec/...` for an inline value (whose place in `spec` holds {@link SEALED_PLACEHOLDER}) and
 * `/refs/secrets/<namespace>/<name>/<key>` for a value read from a referenced Secret.
 */
export const SealedValueSchema = z.object({
  pointer: z.string().startsWith('/'),
  iv: z.base64(),
  ciphertext: z.base64(),
});

export const SealedBundleSchema = z.object({
  /** KMS key id/ARN, or `local:<fingerprint>` in local mode. */
  keyId: z.string().min(1),
  /** The data key, encrypted by the key above (base64). */
  encryptedKey: z.base64(),
  values: z.array(SealedValueSchema),
});

export type SealedValue = z.infer<typeof SealedValueSchema>;
export type SealedBundle = z.infer<typeof SealedBundleSchema>;

/** What stands in a spec where a secret value was taken out and sealed. */
export const SEALED_PLACEHOLDER = '<sealed>';
