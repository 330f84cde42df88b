import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedBundle } from '../events/sealed.ts';
import type { EncryptionContext, KeyWrapper } from '../ports/key-wrapper.ts';

/** A secret value to seal, addressed by where it belongs in the resolution document. */
export interface PlainValue {
  pointer: string;
  value: string;
}

export class UnsealError extends Error {
  override readonly name = 'UnsealError';
}

const ALGORITHM = 'aes-256-gcm';
const TAG_LENGTH = 16;

/**
 * Envelope encryption of the secret values of one change event: one fresh data key per event, wrapped by
 * the {@link KeyWrapper} under an encryption context that binds it to the resource, and one AES-256-GCM
 * ciphertext per value with the value's pointer as additional authenticated data (so values cannot be
 * swapped between places).
 *
 * @example
 * const sealer = new EnvelopeSealer(new LocalKeyWrapper(key));
 * const bundle = await sealer.seal([{ pointer: '/spec/auth/bearerToken', value: 't0k3n' }], { cluster: 'dev' });
 * const values = await sealer.unseal(bundle, { cluster: 'dev' }); // [{ pointer, value: 't0k3n' }]
 */
export class EnvelopeSealer {
  private readonly keys: KeyWrapper;

  constructor(keys: KeyWrapper) {
    this.keys = keys;
  }

  async seal(values: PlainValue[], context: EncryptionContext): Promise<SealedBundle | undefined> {
    if (values.length === 0) return undefined;
    const dataKey = await this.keys.generateDataKey(context);
    try {
      return {
        keyId: dataKey.keyId,
        encryptedKey: Buffer.from(dataKey.encrypted).toString('base64'),
        values: values.map(({ pointer, value }) => {
          const iv = randomBytes(12);
          const cipher = createCipheriv(ALGORITHM, dataKey.plaintext, iv);
          cipher.setAAD(Buffer.from(pointer));
          const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
          return { pointer, iv: iv.toString('base64'), ciphertext: body.toString('base64') };
        }),
      };
    } finally {
      dataKey.plaintext.fill(0);
    }
  }

  async unseal(bundle: SealedBundle, context: EncryptionContext): Promise<PlainValue[]> {
    let key: Uint8Array;
    try {
      key = await this.keys.decryptDataKey(bundle.keyId, Buffer.from(bundle.encryptedKey, 'base64'), context);
    } catch (error) {
      throw new UnsealError(`cannot unwrap the data key with ${bundle.keyId}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    try {
      return bundle.values.map(({ pointer, iv, ciphertext }) => {
        const body = Buffer.from(ciphertext, 'base64');
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(pointer));
        decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
        try {
          const value = Buffer.concat([
            decipher.update(body.subarray(0, body.length - TAG_LENGTH)),
            decipher.final(),
          ]);
          return { pointer, value: value.toString('utf8') };
        } catch (error) {
          throw new UnsealError(`sealed value at ${pointer} failed authentication`, { cause: error });
        }
      });
    } finally {
      key.fill(0);
    }
  }
}
