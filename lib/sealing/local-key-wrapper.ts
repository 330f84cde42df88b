import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DataKey, EncryptionContext, KeyWrapper } from '../ports/key-wrapper.ts';

/** Canonical bytes of an encryption context, order-independent, used as AAD. */
function contextBytes(context: EncryptionContext): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(sorted));
}

/**
 * Local-mode stand-in for KMS: wraps data keys with a 256-bit key held by this process, binding them to
 * the encryption context like KMS does.
 */
export class LocalKeyWrapper implements KeyWrapper {
  readonly keyId: string;
  private readonly masterKey: Uint8Array;

  constructor(masterKey: Uint8Array) {
    this.masterKey = masterKey;
    if (masterKey.length !== 32) throw new Error('the local sealing key must be 32 bytes');
    this.keyId = `local:${createHash('sha256').update(masterKey).digest('hex').slice(0, 16)}`;
  }

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(contextBytes(context));
    const encrypted = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { keyId: this.keyId, plaintext, encrypted };
  }

  async decryptDataKey(
    keyId: string,
    encrypted: Uint8Array,
    context: EncryptionContext,
  ): Promise<Uint8Array> {
    if (keyId !== this.keyId) throw new Error(`sealed with ${keyId}, this process holds ${this.keyId}`);
    const buf = Buffer.from(encrypted);
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, buf.subarray(0, 12));
    decipher.setAAD(contextBytes(context));
    decipher.setAuthTag(buf.subarray(buf.length - 16));
    return Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]);
  }
}
