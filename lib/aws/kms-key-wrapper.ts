import {
  DecryptCommand,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import type { DataKey, EncryptionContext, KeyWrapper } from '../ports/key-wrapper.ts';
import { parseAdapterOptions, sdkClient } from './adapter-options.ts';
import { errorMessage } from './sdk-errors.ts';

export interface KmsKeyWrapperOptions {
  client: KMSClient;
  /** KMS key that wraps new data keys: key id, key ARN, alias name (`alias/gso`) or alias ARN. */
  keyId: string;
}

const optionsSchema = z.object({
  client: sdkClient<KMSClient>('a KMSClient'),
  keyId: z.string().min(1),
});

/** KMS refused to generate or decrypt a data key (wrong context or key, no permission, throttled, …). */
export class KmsKeyWrapperError extends Error {
  override readonly name = 'KmsKeyWrapperError';
}

/**
 * {@link KeyWrapper} over AWS KMS: a fresh AES-256 data key per change event from `GenerateDataKey`, bound to
 * the resource by the encryption context; `Decrypt` must be given the same context (KMS authenticates it), and
 * the key id recorded in the bundle so a ciphertext cannot be decrypted under another key. The returned
 * `keyId` is the key ARN, whatever form `keyId` was configured in.
 *
 * @example
 * const sealer = new EnvelopeSealer(new KmsKeyWrapper({ client: kms, keyId: 'alias/gso-sealing' }));
 * const bundle = await sealer.seal(values, encryptionContextOf(data));
 */
export class KmsKeyWrapper implements KeyWrapper {
  private readonly options: z.infer<typeof optionsSchema>;

  constructor(options: KmsKeyWrapperOptions) {
    this.options = parseAdapterOptions('KmsKeyWrapper', optionsSchema, options);
  }

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    let response: GenerateDataKeyCommandOutput;
    try {
      response = await this.options.client.send(
        new GenerateDataKeyCommand({
          KeyId: this.options.keyId,
          KeySpec: 'AES_256',
          EncryptionContext: context,
        }),
      );
    } catch (error) {
      throw new KmsKeyWrapperError(
        `cannot generate a data key with ${this.options.keyId}: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
    if (!response.Plaintext || !response.CiphertextBlob) {
      throw new KmsKeyWrapperError(`GenerateDataKey with ${this.options.keyId} returned no key material`);
    }
    return {
      keyId: response.KeyId ?? this.options.keyId,
      plaintext: response.Plaintext,
      encrypted: response.CiphertextBlob,
    };
  }

  async decryptDataKey(
    keyId: string,
    encrypted: Uint8Array,
    context: EncryptionContext,
  ): Promise<Uint8Array> {
    let plaintext: Uint8Array | undefined;
    try {
      ({ Plaintext: plaintext } = await this.options.client.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: encrypted, EncryptionContext: context }),
      ));
    } catch (error) {
      throw new KmsKeyWrapperError(`cannot decrypt a data key with ${keyId}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    if (!plaintext) throw new KmsKeyWrapperError(`Decrypt with ${keyId} returned no key material`);
    return plaintext;
  }
}
