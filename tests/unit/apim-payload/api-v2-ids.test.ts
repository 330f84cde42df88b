import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiV2CrossId, apiV2Id } from '../../../lib/apim/payload/api-v2-identity.ts';
import { toApiV2ImportBody } from '../../../lib/apim/payload/api-v2-import-body.ts';
import type { ApiV2DefinitionResource } from '../../../lib/apim/payload/api-v2-resource.ts';
import { uuidFromStrings } from '../../../lib/apim/payload/api-v2-uuid.ts';
import { xxh3Hash128 } from '../../../lib/apim/payload/api-v2-xxh3.ts';

/**
 * GKO's `uuid.FromStrings` (github.com/zeebo/xxh3 v1.0.2 + github.com/google/uuid v1.6.0, the versions
 * GKO's go.mod pins) run on `SEED_TEXT` cut to each length, one length per branch of XXH3-128
 * (0, 1–3, 4–8, 9–16, 17–128, 129–240, and the long path: partial and full 1 KiB blocks).
 */
const SEED_TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789-/.'.repeat(200);
const GO_REFERENCE: Array<[number, string]> = [
  [0, '99aa06d3-0147-98d8-6001-c324468d497f'],
  [1, 'a96faf70-5af1-6834-e6c6-32b61e964e1f'],
  [2, '89c65ebc-828e-ebac-a873-719c24d5735c'],
  [3, '06b05ab6-733a-6185-78af-5f94892f3950'],
  [4, '8d6b6038-3dfa-90c2-1be7-9eecd1b1353d'],
  [7, '2aafd838-69a5-9c31-3fe7-98c0edaa6dc6'],
  [8, 'dac23237-af37-3533-42b7-02b313880f12'],
  [9, 'b43ff5bc-5ff2-e0ad-c064-6b2d7986db98'],
  [16, '1f58fc80-9b1b-8c4b-3e8e-153ff12f6330'],
  [17, '11078c38-a5ca-3a8d-c3ac-c9940596efab'],
  [33, 'ca1d90fb-f2da-6d15-f6c3-4ba556823047'],
  [65, '6f5481e6-f35c-f66d-402e-f63461170226'],
  [97, '1efc5fb0-4240-a586-a5e6-88470dfe0cf9'],
  [128, '6cc87632-3a28-fc79-6bb3-ef14df933a09'],
  [129, 'f99b8cf2-2377-6b18-8289-7f6caefcf3b3'],
  [200, '15488089-f031-bcb1-95f0-da82bad370f1'],
  [240, '42fff9d0-f4d9-3570-2ce3-09dd5e5b1468'],
  [241, '522b1009-0750-0430-d53a-aad336ed8e5b'],
  [300, '5b3637e0-4305-901e-3f76-248d7a3f3fa7'],
  [1024, '25ac14d3-d0f4-c692-1796-f47d767f7de5'],
  [1025, '57c3e9ab-8d6c-bcd0-e157-62cf9758aaa1'],
  [2049, 'a376162d-afdd-74bb-6c89-5503153575a9'],
  [5000, 'c0afa62e-36ae-e7bd-8ac0-11ff2d137ecc'],
];

const UID = '0b6f3c1e-6a4e-4f43-9f3e-4b1d2b8f0a11';

function resource(spec: ApiV2DefinitionResource['spec'] = {}): ApiV2DefinitionResource {
  return { metadata: { name: 'api-with-markdown-page', namespace: 'default', uid: UID }, spec };
}

describe("GKO's deterministic UUIDs are reproduced bit for bit", () => {
  for (const [length, expected] of GO_REFERENCE) {
    it(`a ${length}-byte seed gives the UUID GKO computes`, () => {
      // Act
      const uuid = uuidFromStrings(SEED_TEXT.slice(0, length));

      // Assess
      assert.equal(uuid, expected);
    });
  }

  it('seeds are hashed as their UTF-8 bytes, concatenated', () => {
    // Act
    const joined = uuidFromStrings('plané', '/', '€');

    // Assess
    assert.equal(joined, 'e1f2108c-d5ee-c988-6878-73ce1bfacadb');
    assert.equal(joined, uuidFromStrings('plané/€'));
  });

  it('the hash is split into its high and low halves, high half first in the UUID', () => {
    // Act
    const hash = xxh3Hash128(Buffer.alloc(0));

    // Assess
    assert.deepEqual(hash, { hi: 0x99aa06d3014798d8n, lo: 0x6001c324468d497fn });
  });
});

describe('The API id and cross id follow GKO: status first, then spec, then derived', () => {
  it('a fresh resource takes its UID as id and uuid(namespace/name) as cross id', () => {
    // Act
    const id = apiV2Id(resource());
    const crossId = apiV2CrossId(resource());

    // Assess
    assert.equal(id, UID);
    assert.equal(crossId, 'eca2007f-ca23-135a-70f6-bf11af48cb79');
  });

  it('ids written in the spec win over the derived ones', () => {
    // Prepare
    const exported = resource({ id: 'spec-id', crossId: 'spec-cross-id' });

    // Act / Assess
    assert.equal(apiV2Id(exported), 'spec-id');
    assert.equal(apiV2CrossId(exported), 'spec-cross-id');
  });

  it('ids APIM answered with (status) win over the spec', () => {
    // Prepare
    const exported = resource({ id: 'spec-id', crossId: 'spec-cross-id' });
    const previous = { id: 'status-id', crossId: 'status-cross-id' };

    // Act / Assess
    assert.equal(apiV2Id(exported, previous), 'status-id');
    assert.equal(apiV2CrossId(exported, previous), 'status-cross-id');
  });

  it('empty strings count as absent, as Go tests them', () => {
    // Prepare
    const blank = resource({ id: '', crossId: '' });

    // Act / Assess
    assert.equal(apiV2Id(blank, { id: '' }), UID);
    assert.equal(apiV2CrossId(blank, { crossId: '' }), 'eca2007f-ca23-135a-70f6-bf11af48cb79');
  });
});

describe('Plans get the ids GKO gives them', () => {
  it('a plan without ids gets crossId uuid(apiId/name) and id uuid(crossId/name)', () => {
    // Prepare
    const api = resource({ plans: [{ name: 'KEY_LESS' }, { name: 'API_KEY' }] });

    // Act
    const body = toApiV2ImportBody(api);

    // Assess
    assert.deepEqual(
      body.plans?.map((plan) => [plan.name, plan.crossId, plan.id]),
      [
        ['KEY_LESS', 'f577c6b5-0d38-717b-bc45-0b1ce9eacfee', '8fc62fdb-3d7a-4747-c638-55c364edce5e'],
        ['API_KEY', '93e0cc47-90df-a7e5-a264-b8ef2eba0833', '1a79ecd4-f930-5775-80b0-389908e6cd71'],
      ],
    );
  });

  it('a spec crossId is kept but a spec id is overwritten from it, exactly as GKO does', () => {
    // Prepare
    const api = resource({
      plans: [
        {
          id: 'a77db522-e3b5-4cae-bdb5-22e3b55cae5c',
          crossId: 'f3ef9c67-4900-a440-3a5b-5b00b05949d3',
          name: 'KEY_LESS',
        },
      ],
    });

    // Act
    const [plan] = toApiV2ImportBody(api).plans ?? [];

    // Assess
    assert.equal(plan?.crossId, 'f3ef9c67-4900-a440-3a5b-5b00b05949d3');
    assert.equal(plan?.id, '22df88f2-7ec9-45f4-aa57-a59271c96e31');
  });

  it('a plan id APIM answered for the plan crossId is reused', () => {
    // Prepare
    const api = resource({ plans: [{ name: 'KEY_LESS' }, { name: 'API_KEY' }] });
    const previous = { plans: { 'f577c6b5-0d38-717b-bc45-0b1ce9eacfee': 'plan-id-from-apim' } };

    // Act
    const body = toApiV2ImportBody(api, {}, previous);

    // Assess
    assert.equal(body.plans?.[0]?.id, 'plan-id-from-apim');
    assert.equal(body.plans?.[1]?.id, '1a79ecd4-f930-5775-80b0-389908e6cd71');
  });

  it('plans are derived from the API id of the status when there is one', () => {
    // Prepare
    const api = resource({ plans: [{ name: 'KEY_LESS' }] });

    // Act
    const [plan] = toApiV2ImportBody(api, {}, { id: 'another-api-id' }).plans ?? [];

    // Assess
    assert.equal(plan?.crossId, uuidFromStrings('another-api-id', '/', 'KEY_LESS'));
    assert.notEqual(plan?.crossId, 'f577c6b5-0d38-717b-bc45-0b1ce9eacfee');
  });
});

describe('Pages get the ids GKO gives them', () => {
  it('pages get crossId uuid(ns/name/key), id uuid(apiId/key), the API id, and a parentId from the parent key', () => {
    // Prepare
    const api = resource({
      pages: {
        markdown: { name: 'hello-markdown', type: 'MARKDOWN', parent: 'markdowns-folder' },
        'markdowns-folder': { name: 'markdowns', type: 'FOLDER', api: 'someone-else' },
      },
    });

    // Act
    const pages = toApiV2ImportBody(api).pages ?? {};

    // Assess
    assert.deepEqual(Object.keys(pages), ['markdown', 'markdowns-folder']);
    assert.deepEqual(
      { crossId: pages.markdown?.crossId, id: pages.markdown?.id, parentId: pages.markdown?.parentId },
      {
        crossId: '346d36de-ae5d-21e5-d78f-8aae4be86a0d',
        id: '2553b843-28da-8147-700b-0e8e3e44361e',
        parentId: 'cccf1eb7-c3eb-5547-8cdf-312ee378bbc2',
      },
    );
    assert.equal(pages['markdowns-folder']?.id, 'cccf1eb7-c3eb-5547-8cdf-312ee378bbc2');
    assert.equal(pages['markdowns-folder']?.crossId, '2e7c3e79-cb02-c141-b7ba-a456bcc9d9e3');
    assert.equal(pages['markdowns-folder']?.api, UID);
    assert.equal(pages.markdown?.api, UID);
  });

  it('page ids written in the spec are kept, but a parent key still decides parentId', () => {
    // Prepare
    const api = resource({
      pages: { child: { id: 'page-id', crossId: 'page-cross-id', parent: 'folder', parentId: 'stale' } },
    });

    // Act
    const child = toApiV2ImportBody(api).pages?.child;

    // Assess
    assert.equal(child?.id, 'page-id');
    assert.equal(child?.crossId, 'page-cross-id');
    assert.equal(child?.parentId, uuidFromStrings(UID, '/', 'folder'));
  });
});
