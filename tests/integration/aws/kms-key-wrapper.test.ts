import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { KmsKeyWrapper, KmsKeyWrapperError } from '../../../lib/aws/kms-key-wrapper.ts';
import { encryptionContextOf } from '../../../lib/sealing/encryption-context.ts';
import { EnvelopeSealer, UnsealError } from '../../../lib/sealing/envelope.ts';
import { type AwsStack, createAwsStack } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { changeEvent } from './fixtures.ts';

describe('KmsKeyWrapper with EnvelopeSealer against moto KMS', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  let stack: AwsStack;

  before(async () => {
    moto = await startMotoServer();
    clients = createAwsClients(moto.clientConfig());
    stack = await createAwsStack(moto.clientConfig(), { kinds: [], clusters: [] });
  });

  after(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  test('secret values sealed with a KMS data key unseal to the same values under the same encryption context', async () => {
    // Prepare
    const sealer = new EnvelopeSealer(new KmsKeyWrapper({ client: clients.kms, keyId: stack.key.id }));
    const context = encryptionContextOf(changeEvent({ name: 'echo' }).data);
    const values = [
      { pointer: '/spec/auth/bearerToken', value: 't0k3n' },
      { pointer: '/refs/secrets/default/apim/password', value: 'p@ss wörd' },
    ];

    // Act
    const bundle = await sealer.seal(values, context);
    assert.ok(bundle);
    const unsealed = await sealer.unseal(bundle, context);

    // Assess
    assert.equal(bundle.keyId, stack.key.arn, 'the bundle records the key ARN');
    assert.ok(!JSON.stringify(bundle).includes('t0k3n'));
    assert.deepEqual(unsealed, values);
  });

  test('a bundle copied to another resource cannot be unsealed there (moto enforces the encryption context)', async () => {
    // Prepare
    const sealer = new EnvelopeSealer(new KmsKeyWrapper({ client: clients.kms, keyId: stack.key.id }));
    const bundle = await sealer.seal(
      [{ pointer: '/spec/auth/bearerToken', value: 't0k3n' }],
      encryptionContextOf(changeEvent({ name: 'echo' }).data),
    );
    assert.ok(bundle);

    // Act
    const error = await sealer
      .unseal(bundle, encryptionContextOf(changeEvent({ name: 'intruder' }).data))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    // Assess: KMS refuses the data key, the sealer reports it with the chain of causes.
    assert.ok(error instanceof UnsealError, String(error));
    assert.ok(error.cause instanceof KmsKeyWrapperError);
    assert.equal((error.cause.cause as Error).name, 'InvalidCiphertextException');
  });
});
