import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accepted, eventually } from '../support/e2e/loop-harness.ts';
import { useLoopHarness } from '../support/e2e/use-loop-harness.ts';

describe('watcher resilience', () => {
  const loop = useLoopHarness();

  it('a cut watch is restarted and a change made while it was down is synced', async () => {
    // Prepare
    loop().kube.apply(loop().contextManifest('apim'));
    await eventually('context accepted', () => accepted(loop().context('apim'))?.status === 'True');
    // Act: cut every watch, change something while they are down.
    loop().kube.closeWatches();
    loop().kube.apply(loop().apiManifest('during-outage', 'apim'));
    // Assess
    await eventually('API accepted', () => accepted(loop().api('during-outage'))?.status === 'True', 30_000);
    assert.ok(loop().logs.some((l) => l.includes('"watch failed, restarting"')));
    assert.ok(loop().logs.some((l) => l.includes('"watch restarted"')));
    assert.equal(loop().apimWrites('default-during-outage').length, 1);
  });

  it('an expired watch resourceVersion (410) relists and loses no change', async () => {
    loop().kube.apply(loop().contextManifest('apim'));
    await eventually('context accepted', () => accepted(loop().context('apim'))?.status === 'True');
    loop().kube.expireHistory();
    loop().kube.closeWatches();
    loop().kube.apply(loop().apiManifest('after-expiry', 'apim'));
    await eventually('API accepted', () => accepted(loop().api('after-expiry'))?.status === 'True', 30_000);
    assert.equal(loop().apimWrites('default-after-expiry').length, 1);
  });

  it('a spec larger than the queue message limit is reported on the resource, not dropped', async () => {
    loop().kube.apply(loop().contextManifest('apim'));
    const huge = 'x'.repeat(300_000);
    loop().kube.apply(loop().apiManifest('huge', 'apim', { description: huge }));
    const api = await eventually('too-large status', () =>
      accepted(loop().api('huge'))?.reason === 'MessageTooLarge' ? loop().api('huge') : undefined,
    );
    assert.equal(accepted(api)?.status, 'False');
    assert.match(accepted(api)?.message ?? '', /ApiV4Definition default\/huge.*bytes/);
    await eventually('a Warning event', () =>
      loop()
        .eventsFor('huge')
        .some((e) => e.type === 'Warning'),
    );
    assert.equal(loop().apim.apis().has('default-huge'), false);
  });
});
