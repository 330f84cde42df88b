import type { ChangeData } from '../events/change-event.ts';
import type { EncryptionContext } from '../ports/key-wrapper.ts';

/**
 * The encryption context that binds sealed values to one object: a ciphertext copied into another
 * resource's event cannot be unsealed there.
 */
export function encryptionContextOf(
  data: Pick<ChangeData, 'cluster' | 'kind' | 'metadata'>,
): EncryptionContext {
  return {
    cluster: data.cluster,
    kind: data.kind,
    namespace: data.metadata.namespace,
    name: data.metadata.name,
    uid: data.metadata.uid,
  };
}
