import { after, afterEach, before, beforeEach } from 'node:test';
import { type MotoServer, startMotoServer } from '../moto/moto-server.ts';
import { LoopHarness } from './loop-harness.ts';

/**
 * Registers the hooks every end-to-end file needs, inside its `describe`: one moto server for the file, a
 * fresh loop per test, and after each test a check that APIM saw only spec-valid traffic. Set
 * `GSO_E2E_DEBUG=1` to print the loop's logs and APIM exchanges after each test.
 *
 * @example
 * describe('scenarios', () => {
 *   const loop = useLoopHarness();
 *   it('…', async () => { loop().kube.apply(…); });
 * });
 */
export function useLoopHarness(): () => LoopHarness {
  let moto: MotoServer | undefined;
  let loop: LoopHarness | undefined;
  before(async () => {
    moto = await startMotoServer();
  });
  after(async () => {
    await moto?.stop();
  });
  beforeEach(async () => {
    if (!moto) throw new Error('moto server not started');
    loop = await LoopHarness.start(moto);
  });
  afterEach(async () => {
    if (process.env.GSO_E2E_DEBUG && loop) {
      const exchanges = loop.apim.requests().map((r) => [r.method, r.path, r.status]);
      process.stderr.write(`${loop.logs.join('')}\n${JSON.stringify(exchanges)}\n`);
    }
    await loop?.stop();
    loop?.apim.assertNoViolations();
  });
  return () => {
    if (!loop) throw new Error('the loop exists only inside a test');
    return loop;
  };
}
