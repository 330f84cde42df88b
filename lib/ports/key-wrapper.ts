/** Binds a data key to one resource: decrypting with another context fails. */
export type EncryptionContext = Record<string, string>;

export interface DataKey {
  keyId: string;
  plaintext: Uint8Array;
  encrypted: Uint8Array;
}

/** Wraps and unwraps data keys: AWS KMS in the cloud, a local key in local mode. */
export interface KeyWrapper {
  generateDataKey(context: EncryptionContext): Promise<DataKey>;
  decryptDataKey(keyId: string, encrypted: Uint8Array, context: EncryptionContext): Promise<Uint8Array>;
}
