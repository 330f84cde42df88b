/**
 * GKO's example corpus through `gso plan` (`planManifests`: watcher, sealing, queues, sync logic, with an APIM
 * planner that sends nothing), every planned PUT checked against APIM 4.12.17's OpenAPI documents.
 *
 * The examples are read in place. They are planned per use case: each example file with the files it
 * references (API resources, groups, notifications, shared policy groups, Secrets/ConfigMaps of templates,
 * the portal or API of portal resources, the API and application of a subscription) and, for the `apim/`
 * examples, which all name `dev-ctx` but ship none, a hand-written ManagementContext `dev-ctx`. The
 * `usecase/` folders bring their own context and are planned as a whole; the `management_context/`
 * examples are planned with the Secrets they name.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type PlanEntry, planManifests } from '../../../lib/cli/plan-command.ts';
import { kinds } from '../../../lib/crds/kinds.ts';
import { formatIssues, validateResource } from '../../../lib/crds/validate.ts';
import { specExtensions } from '../../support/apim-simulator/handlers/registry.ts';
import { validateRequest } from '../../support/apim-simulator/openapi/request-validation.ts';
import { loadSpecBundle } from '../../support/apim-simulator/openapi/spec-bundle.ts';
import { defaultSpecRoot } from '../../support/apim-simulator/openapi/spec-location.ts';
import { describeErrors, projectImportCrdValidator } from '../apim-payload/support/api-v2-corpus.ts';
import {
  GKO_ADMISSION_REJECTIONS,
  GKO_CLUSTER_VALUE_REJECTIONS,
  GKO_SCHEMA_REJECTIONS,
} from '../crds/gko-example-rejections.ts';
import { type ExampleDocument, exampleDocuments, examplesRoot } from '../crds/gko-reference.ts';

const KINDS = Object.keys(kinds);
const NAMESPACE = 'default';
const APIM_VERSION = '4.12.17';

/** The ManagementContext the `apim/` examples name and do not ship; never contacted (planning only). */
const HAND_WRITTEN_CONTEXT = `apiVersion: gravitee.io/v1alpha1
kind: ManagementContext
metadata:
  name: dev-ctx
spec:
  baseUrl: https://apim.example.com
  environmentId: DEFAULT
  organizationId: DEFAULT
  auth:
    bearerToken: plan-only-token
`;

/** What an example file needs beside itself (and the hand-written context), by example file. */
const SUPPORTING_FILES: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    [
      ['v2/api-with-cache-redis-resource-ref.yml', 'api-resource-cache-redis.yml'],
      ['v2/api-with-cache-resource-ref.yml', 'api-resource-cache.yml'],
      ['v2/api-with-http-auth-provider-ref.yml', 'api-resource-http-auth-provider.yml'],
      ['v2/api-with-inline-auth-provider-ref.yml', 'api-resource-inline-auth-provider.yml'],
      ['v2/api-with-keycloak-adapter-ref.yml', 'api-resource-keycloak-adapter.yml'],
      ['v2/api-with-ldap-auth-provider-ref.yml', 'api-resource-ldap-auth-provider.yml'],
      ['v2/api-with-oauth2-am-resource-ref.yml', 'api-resource-oauth2-am.yml'],
      ['v2/api-with-oauth2-generic-resource-ref.yml', 'api-resource-oauth2-generic.yml'],
      ['v4/api-v4-with-cache-redis-resource-ref.yml', 'api-resource-cache-redis.yml'],
      ['v4/api-v4-with-http-auth-provider-ref.yml', 'api-resource-http-auth-provider.yml'],
      ['v4/api-v4-with-inline-auth-provider-ref.yml', 'api-resource-inline-auth-provider.yml'],
      ['v4/api-v4-with-keycloak-adapter-ref.yml', 'api-resource-keycloak-adapter.yml'],
      ['v4/api-v4-with-ldap-auth-provider-ref.yml', 'api-resource-ldap-auth-provider.yml'],
      ['v4/api-v4-with-oauth2-am-resource-ref.yml', 'api-resource-oauth2-am.yml'],
      ['v4/api-v4-with-oauth2-generic-res-ref.yml', 'api-resource-oauth2-generic.yml'],
    ].map(([api, resource]) => [`apim/api_definition/${api}`, [`apim/api_resource/${resource}`]]),
  ),
  'apim/api_definition/v2/api-with-notifications-and-groups.yml': [
    'apim/notification/notification-with-groups.yml',
    'apim/group/group.yml',
  ],
  'apim/api_definition/v4/api-v4-with-notifications-and-groups.yml': [
    'apim/notification/notification-with-groups.yml',
    'apim/group/group.yml',
  ],
  'apim/api_definition/v4/api-v4-with-shared-policy-group.yml': [
    'apim/shared_policy_groups/shared_policy_groups.yml',
  ],
  // The v4 example uses the v2 folder's templating Secret and ConfigMap (the only ones with those names).
  'apim/api_definition/v2/api-with-templating.yml': [
    'apim/api_definition/v2/api-with-templating-config-map.yml',
    'apim/api_definition/v2/api-with-templating-secret.yml',
  ],
  'apim/api_definition/v4/api-v4-with-templating.yml': [
    'apim/api_definition/v2/api-with-templating-config-map.yml',
    'apim/api_definition/v2/api-with-templating-secret.yml',
  ],
  'apim/application/application-with-client-certs-refs.yml': [
    'apim/application/client-cert-secret.yml',
    'apim/application/client-cert-configmap.yml',
  ],
  'apim/notification/notification-with-groups.yml': ['apim/group/group.yml'],
  'apim/portal/documentation-api.yml': ['apim/api_definition/v4/api-v4-with-context.yml'],
  'apim/portal/documentation-portal.yml': ['apim/portal/portal.yml'],
  'apim/portal/documentation-portal-homepage.yml': ['apim/portal/portal.yml'],
  'apim/portal/documentation-portal-top-navbar.yml': ['apim/portal/portal.yml'],
  'apim/portal/portal-link.yml': ['apim/portal/portal.yml'],
  'apim/portal/portal-listing.yml': [
    'apim/portal/portal.yml',
    'apim/api_definition/v4/api-v4-with-context.yml',
  ],
  'apim/subscription/subscription.yml': [
    'apim/api_definition/v4/api-v4-with-jwt-plan.yml',
    'apim/application/application-with-client-id.yml',
  ],
  'apim/subscription/subscription-with-metadata.yml': [
    'apim/api_definition/v4/api-v4-with-jwt-plan.yml',
    'apim/application/application-with-client-id.yml',
  ],
  'apim/subscription/subscription-with-api-key.yml': [
    'apim/api_definition/v4/api-v4-with-api-key-plan.yml',
    'apim/application/application.yml',
  ],
  // The only API named mtls-demo is the mTLS use case's.
  'apim/subscription/subscription-mtls-with-cert-dates.yml': [
    'usecase/subscribe-to-mtls-plan/resources/api.yml',
    'apim/application/application-with-client-certs-and-dates.yml',
  ],
  'management_context/cloud/cloud-mctx-with-bearer-secret-ref.yml': [
    'management_context/cloud/cloud-bearer-secret.yml',
  ],
  'management_context/cloud/cloud-mctx-with-secret-ref.yml': [
    'management_context/cloud/cloud-token-secret.yml',
  ],
  // The cloud folder has no `apim-context-credentials`; the other context folders all define the same one.
  'management_context/cloud/cloud-mctx-with-secret-ref-and-auth-secret-ref.yml': [
    'management_context/cloud/cloud-token-secret.yml',
    'management_context/dev/management-context-secret.yml',
  ],
  'management_context/cluster/management-context-with-secret-ref.yml': [
    'management_context/cluster/management-context-secret.yml',
  ],
  'management_context/debug/management-context-with-secret-ref.yml': [
    'management_context/debug/management-context-secret.yml',
  ],
  'management_context/dev/management-context-with-secret-ref.yml': [
    'management_context/dev/management-context-secret.yml',
  ],
};

/** Why a resource's plan outcome is not Synced, and which shared list says GKO rejects it too. */
type Basis = 'schema' | 'admission' | 'cluster-values';

interface ExpectedFailure {
  outcome: 'SyncFailed';
  message: RegExp;
  basis: Basis;
}

/**
 * Every example resource whose plan outcome is not Synced, by `file#documentIndex`; the reason is in the
 * shared list `basis` names. Everything else must end Synced, application-with-client-certs-refs.yml
 * included: GKO resolves its certificate refs and syncs it.
 */
const NOT_SYNCED: Readonly<Record<string, ExpectedFailure>> = {
  'apim/api_definition/v2/api-with-no-plan.yml#0': {
    outcome: 'SyncFailed',
    message: /spec\.plans: API state is STARTED but the API has no plan/,
    basis: 'admission',
  },
  'apim/application/application-with-client-certs-inline.yml#0': {
    outcome: 'SyncFailed',
    message: /clientCertificates\[1\]\.content: same certificate as clientCertificates\[0\]/,
    basis: 'admission',
  },
  'apim/subscription/subscription-with-metadata.yml#0': {
    outcome: 'SyncFailed',
    message: /spec\.plan: /,
    basis: 'schema',
  },
  'apim/application/application-with-client-certs-templates.yml#2': {
    outcome: 'SyncFailed',
    message: /clientCertificates\[1\]\.content: same certificate as clientCertificates\[0\]/,
    basis: 'cluster-values',
  },
  'management_context/cloud/cloud-mctx-with-unknown-secret-ref.yml#0': {
    outcome: 'SyncFailed',
    message: /spec\.cloud\.secretRef references Secret default\/unknown, which does not exist/,
    basis: 'cluster-values',
  },
  // GKO refuses a cloud Secret without `cloudToken` at once; so does the function (terminal, naming the key).
  'management_context/cloud/cloud-mctx-with-bearer-secret-ref.yml#0': {
    outcome: 'SyncFailed',
    message: /spec\.cloud\.secretRef: Secret default\/apim-context-bearer-token has no "cloudToken" key/,
    basis: 'cluster-values',
  },
};

/** Example files `gso plan` refuses to read, with the error and why GKO never sees them either. */
const NOT_PLANNABLE: Readonly<Record<string, { error: RegExp; reason: string }>> = {
  'apim/api_definition/v4/api-v4-with-page-swagger-http-fetcher.yml': {
    error: /Map keys must be unique/,
    reason:
      '`useSystemProxy` appears twice in pages.swagger.source.configuration; kubectl apply refuses the file too ' +
      '("mapping key already defined"), so GKO never receives it',
  },
};

/**
 * Bodies GKO sends as they are and APIM accepts, though the 4.12.17 document's schema does not: the problems
 * must all be at `failingAt`, and there must be some (the same exclusions, for the same reasons, as
 * tests/unit/apim-payload/api-v4-examples.test.ts and application.test.ts).
 */
const DOCUMENT_DEVIATIONS: Readonly<Record<string, { failingAt: RegExp; reason: string }>> = {
  'apim/api_definition/v4/api-v4-with-jwt-plan-pages-non-hrid-names.yml#0': {
    failingAt: /^\/flowExecution\/mode$/,
    reason:
      'GKO forwards flowExecution.mode "default" verbatim; the schema enum is upper case but APIM accepts it ' +
      "(GKO's integration test subscribe_withContext_with_non_HRID_plan_and_pages_names applies this manifest)",
  },
  ...Object.fromEntries(
    ['backend-to-backend', 'native', 'spa', 'webapp'].map((type) => [
      `apim/application/application-with-oauth-${type}-settings.yml#0`,
      {
        failingAt: /^\/settings\/oauth\/applicationType$/,
        reason:
          'GKO forwards the CRD enum (upper case) while the schema enum of settings.oauth.applicationType is ' +
          'lower case; APIM generates its automation model with useEnumCaseInsensitive=true and accepts both',
      },
    ]),
  ),
};

/**
 * Admission rejections that need two examples applied together: each use case is planned on its own, where
 * the clash cannot happen (and `gso plan` has no APIM to report it either).
 */
const CROSS_EXAMPLE_ONLY = [
  'apim/application/application-with-client-cert.yml#0',
  'usecase/subscribe-to-jwt-plan/resources/application.yml#0',
];

interface PlanGroup {
  name: string;
  /** Example files whose resources this group judges. */
  subjects: string[];
  /** Example files only supplying references (judged in their own group). */
  supporting: string[];
  handWrittenContext: boolean;
}

interface PlanResult {
  entries?: PlanEntry[];
  error?: string;
}

const idOf = (document: ExampleDocument) => `${document.file}#${document.index}`;
const metadataOf = (document: Record<string, unknown>) =>
  (document.metadata ?? {}) as { name?: string; namespace?: string };
const resourceOf = (document: Record<string, unknown>) =>
  `${String(document.kind)} ${metadataOf(document).namespace ?? NAMESPACE}/${metadataOf(document).name ?? ''}`;
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function allExampleFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push(relative(examplesRoot, path));
    }
  };
  walk(examplesRoot);
  return files;
}

/** One group per `apim/` or `management_context/` example file, one per use case folder. */
function planGroups(graviteeFiles: ReadonlySet<string>): PlanGroup[] {
  const groups: PlanGroup[] = [];
  const useCases = new Map<string, string[]>();
  for (const file of allExampleFiles().filter((f) => graviteeFiles.has(f))) {
    const useCase = /^usecase\/[^/]+/.exec(file)?.[0];
    if (useCase) useCases.set(useCase, [...(useCases.get(useCase) ?? []), file]);
    else
      groups.push({
        name: file,
        subjects: [file],
        supporting: [...(SUPPORTING_FILES[file] ?? [])],
        handWrittenContext: file.startsWith('apim/'),
      });
  }
  for (const [name, files] of useCases) {
    // A use case is applied as a folder: its Secrets come along.
    const folderFiles = allExampleFiles().filter((f) => f.startsWith(`${name}/`));
    groups.push({
      name,
      subjects: files,
      supporting: folderFiles.filter((f) => !files.includes(f)),
      handWrittenContext: false,
    });
  }
  return groups;
}

/** The context a resource syncs through: its own `contextRef`, or its parent's (subscription, portal pages). */
function contextOf(
  document: Record<string, unknown>,
  groupDocuments: Record<string, unknown>[],
): string | undefined {
  const spec = record(document.spec);
  const find = (kindsOfParent: string[], ref: unknown) => {
    const name = record(ref).name;
    return groupDocuments.find((d) => kindsOfParent.includes(String(d.kind)) && metadataOf(d).name === name);
  };
  const own = record(spec.contextRef).name;
  if (typeof own === 'string') return own;
  const apiKinds = ['ApiV4Definition', 'ApiDefinition'];
  let parent: Record<string, unknown> | undefined;
  if (document.kind === 'Subscription') parent = find(apiKinds, spec.api);
  if (document.kind === 'PortalListing' || document.kind === 'PortalLink')
    parent = find(['Portal'], spec.portalRef);
  if (document.kind === 'Documentation')
    parent = spec.apiRef ? find(apiKinds, spec.apiRef) : find(['Portal'], spec.portalRef);
  return parent ? contextOf(parent, groupDocuments) : undefined;
}

/** Checks planned PUTs against APIM 4.12.17's OpenAPI documents; counts what it checked. */
class RequestChecker {
  private readonly published = loadSpecBundle(APIM_VERSION, defaultSpecRoot());
  private readonly extended = loadSpecBundle(APIM_VERSION, defaultSpecRoot(), specExtensions);
  readonly counts = {
    automation: 0,
    importCrd: 0,
    portalLinksExtension: 0,
    byOperation: new Map<string, number>(),
  };

  /** Problems of one planned PUT; empty when the documents accept it. */
  check(url: string, body: unknown): string[] {
    const { pathname, searchParams } = new URL(url);
    if (/^\/management\/organizations\/[^/]+\/environments\/[^/]+\/apis\/import-crd$/.test(pathname)) {
      this.counts.importCrd += 1;
      const validate = projectImportCrdValidator();
      const problems = validate(body) ? [] : [describeErrors(validate.errors)];
      if (!['true', 'false'].includes(searchParams.get('dryRun') ?? ''))
        problems.push('dryRun query missing');
      return problems;
    }
    const parts = {
      query: searchParams,
      contentType: 'application/json',
      rawBody: JSON.stringify(body),
    };
    const published = this.published.operations.find('PUT', pathname);
    if (published.operation !== undefined && published.operation.document === 'automation') {
      this.counts.automation += 1;
      this.count(published.operation.operationId);
      return validateRequest(this.published.schemas, published.operation, {
        ...parts,
        pathParams: published.pathParams,
      }).problems;
    }
    // Not in 4.12.17: only the portal links path, validated against the simulator's documented extension.
    const extended = this.extended.operations.find('PUT', pathname);
    if (extended.operation !== undefined && extended.operation.operationId === 'createOrUpdatePortalLink') {
      this.counts.portalLinksExtension += 1;
      this.count(`${extended.operation.operationId} (extension)`);
      return validateRequest(this.extended.schemas, extended.operation, {
        ...parts,
        pathParams: extended.pathParams,
      }).problems;
    }
    return [
      `PUT ${pathname} is no automation operation of APIM ${APIM_VERSION} nor the portal links extension`,
    ];
  }

  private count(operationId: string): void {
    this.counts.byOperation.set(operationId, (this.counts.byOperation.get(operationId) ?? 0) + 1);
  }
}

async function inPool<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

describe('GKO examples through gso plan, checked against APIM 4.12.17', () => {
  const documents = exampleDocuments(KINDS);
  const byFile = new Map<string, ExampleDocument[]>();
  for (const document of documents)
    byFile.set(document.file, [...(byFile.get(document.file) ?? []), document]);
  const groups = planGroups(new Set(byFile.keys()));
  const results = new Map<string, PlanResult>();
  const checker = new RequestChecker();
  const tally = {
    judged: 0,
    synced: 0,
    notSynced: 0,
    withContext: 0,
    puts: 0,
    unplannable: 0,
    deviations: 0,
  };
  let contextDir = '';

  before(async () => {
    contextDir = mkdtempSync(join(tmpdir(), 'gso-gko-examples-'));
    writeFileSync(join(contextDir, 'dev-ctx.yaml'), HAND_WRITTEN_CONTEXT);
    const planned = await inPool(groups, 6, async (group): Promise<PlanResult> => {
      const paths = [
        ...(group.handWrittenContext ? [join(contextDir, 'dev-ctx.yaml')] : []),
        ...[...group.subjects, ...group.supporting].map((file) => join(examplesRoot, file)),
      ];
      try {
        return { entries: await planManifests(paths) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    for (const [index, group] of groups.entries()) results.set(group.name, planned[index] as PlanResult);
  });

  after(() => {
    if (contextDir) rmSync(contextDir, { recursive: true, force: true });
  });

  it('validates every gravitee.io document against its kind, except the ones GKO rejects too', () => {
    // Prepare
    const failures: string[] = [];
    const unexpectedSuccesses: string[] = [];

    // Act
    for (const document of documents) {
      const id = idOf(document);
      const result = validateResource(document.document);
      if (id in GKO_SCHEMA_REJECTIONS) {
        if (result.ok) unexpectedSuccesses.push(id);
      } else if (!result.ok) failures.push(`${id}:\n${formatIssues(result.issues)}`);
    }
    const missing = Object.keys(GKO_SCHEMA_REJECTIONS).filter((id) => !documents.some((d) => idOf(d) === id));

    // Assess
    assert.ok(documents.length > 100, `only ${documents.length} gravitee.io documents found`);
    assert.deepEqual(failures, [], failures.join('\n\n'));
    assert.deepEqual(unexpectedSuccesses, [], 'listed as rejected by the schema, but validates');
    assert.deepEqual(missing, [], 'listed as rejected by the schema, but no longer among the examples');
  });

  it('keeps its lists in step with the examples and with the other example tests', () => {
    // Prepare
    const ids = new Set(documents.map(idOf));
    const files = new Set(allExampleFiles());
    const admissionIds = GKO_ADMISSION_REJECTIONS.map((line) => line.split(' ')[0] ?? '');
    const basisHolds: Record<Basis, (id: string) => boolean> = {
      schema: (id) => id in GKO_SCHEMA_REJECTIONS,
      admission: (id) => admissionIds.includes(id),
      'cluster-values': (id) => id in GKO_CLUSTER_VALUE_REJECTIONS,
    };

    // Act
    const unknownIds = [
      ...Object.keys(NOT_SYNCED),
      ...Object.keys(DOCUMENT_DEVIATIONS),
      ...CROSS_EXAMPLE_ONLY,
    ].filter((id) => !ids.has(id));
    const unknownFiles = [...Object.keys(NOT_PLANNABLE), ...Object.values(SUPPORTING_FILES).flat()].filter(
      (file) => !files.has(file),
    );
    const unfounded = Object.entries(NOT_SYNCED)
      .filter(([id, expected]) => !basisHolds[expected.basis](id))
      .map(([id, expected]) => `${id} (${expected.basis})`);
    // Every document GKO rejects must show up here too: as not synced, or as a cross-example clash.
    const unaccounted = [
      ...Object.keys(GKO_SCHEMA_REJECTIONS),
      ...admissionIds,
      ...Object.keys(GKO_CLUSTER_VALUE_REJECTIONS),
    ].filter((id) => !(id in NOT_SYNCED) && !CROSS_EXAMPLE_ONLY.includes(id));

    // Assess
    assert.deepEqual(unknownIds, [], 'listed documents that are not among the examples');
    assert.deepEqual(unknownFiles, [], 'listed files that are not among the examples');
    assert.deepEqual(unfounded, [], 'not-synced entries whose shared rejection list does not name them');
    assert.deepEqual(unaccounted, [], 'documents GKO rejects that this test expects to sync');
  });

  it('plans every gravitee.io document in exactly one group, without two definitions of a resource', () => {
    // Prepare / Act
    const judged = groups.flatMap((group) =>
      group.subjects.flatMap((file) => (byFile.get(file) ?? []).map(idOf)),
    );
    const clashes = groups.flatMap((group) => {
      const seen = new Map<string, string>();
      return [...group.subjects, ...group.supporting].flatMap((file) =>
        (byFile.get(file) ?? []).flatMap((document) => {
          const resource = resourceOf(document.document);
          const first = seen.get(resource);
          seen.set(resource, idOf(document));
          return first ? [`${group.name}: ${resource} in ${first} and ${idOf(document)}`] : [];
        }),
      );
    });

    // Assess
    assert.deepEqual([...judged].sort(), documents.map(idOf).sort());
    assert.equal(new Set(judged).size, judged.length, 'a document is judged in two groups');
    assert.deepEqual(clashes, []);
  });

  for (const group of groups) {
    it(`plans ${group.name}`, () => {
      // Prepare
      const result = results.get(group.name);
      const subjects = group.subjects.flatMap((file) => byFile.get(file) ?? []);
      const groupDocuments = [
        ...(group.handWrittenContext ? [{ kind: 'ManagementContext', metadata: { name: 'dev-ctx' } }] : []),
        ...[...group.subjects, ...group.supporting].flatMap((file) =>
          (byFile.get(file) ?? []).map((d) => d.document),
        ),
      ];

      // Act
      const unplannable = group.subjects.find((file) => file in NOT_PLANNABLE);
      if (unplannable) {
        // Assess
        assert.match(result?.error ?? '(planned without error)', NOT_PLANNABLE[unplannable]?.error ?? /^$/);
        tally.unplannable += subjects.length;
        return;
      }
      assert.equal(result?.error, undefined, `planning failed: ${result?.error}`);
      const problems: string[] = [];
      for (const subject of subjects) {
        const id = idOf(subject);
        const resource = resourceOf(subject.document);
        const entry = result?.entries?.find((e) => e.resource === resource);
        const context = contextOf(subject.document, groupDocuments);
        const puts = entry?.calls.filter((call) => call.method === 'PUT') ?? [];
        tally.judged += 1;
        if (!entry) {
          problems.push(`${id}: ${resource} was not planned`);
          continue;
        }
        const expected = NOT_SYNCED[id];
        if (expected) {
          tally.notSynced += 1;
          if (entry.outcome !== expected.outcome || !expected.message.test(entry.message))
            problems.push(
              `${id}: expected ${expected.outcome} matching ${expected.message}, got ${entry.outcome}: ${entry.message}`,
            );
          if (puts.length > 0) problems.push(`${id}: rejected, yet ${puts.length} PUT planned`);
          continue;
        }
        if (entry.outcome !== 'Synced') {
          problems.push(`${id}: ${entry.outcome}: ${entry.message}`);
          continue;
        }
        tally.synced += 1;
        if (context === undefined) {
          if (puts.length > 0) problems.push(`${id}: no context, yet PUT ${puts[0]?.url}`);
          continue;
        }
        tally.withContext += 1;
        if (!groupDocuments.some((d) => d.kind === 'ManagementContext' && metadataOf(d).name === context))
          problems.push(`${id}: context ${context} is not part of the group`);
        if (puts.length === 0) problems.push(`${id}: has context ${context} but no PUT was planned`);
        const deviation = DOCUMENT_DEVIATIONS[id];
        let deviating = 0;
        for (const put of puts) {
          tally.puts += 1;
          for (const problem of checker.check(put.url, put.body)) {
            const at = /^body (\S+) /.exec(problem)?.[1] ?? '';
            if (deviation?.failingAt.test(at)) deviating += 1;
            else problems.push(`${id}: PUT ${put.url}: ${problem}`);
          }
        }
        if (deviation && deviating === 0)
          problems.push(
            `${id}: listed as deviating from the document at ${deviation.failingAt}, but accepted`,
          );
        if (deviation) tally.deviations += 1;
      }

      // Assess
      assert.deepEqual(problems, []);
    });
  }

  it('reports what it checked', (t) => {
    // Prepare
    const byOperation = [...checker.counts.byOperation]
      .map(([operation, count]) => `${operation}=${count}`)
      .join(', ');

    // Act
    t.diagnostic(
      `${documents.length} gravitee.io documents validated against their kind; ${groups.length} plan groups; ` +
        `${tally.judged} resources planned: ${tally.synced} Synced (${tally.withContext} with a context), ` +
        `${tally.notSynced} not synced as listed, ${tally.unplannable} in files gso plan refuses as listed`,
    );
    t.diagnostic(
      `${tally.puts} planned PUT requests checked: ${checker.counts.automation} against the ${APIM_VERSION} automation ` +
        `OpenAPI, ${checker.counts.importCrd} v2 import-crd bodies against infra/apim/import-crd.schema.json, ` +
        `${checker.counts.portalLinksExtension} portal links against the simulator's extension schema ` +
        `(portals/{portalHrid}/links is not in ${APIM_VERSION}; copied from APIM main); ${tally.deviations} ` +
        `resources accepted with their listed deviations from the document — ${byOperation}`,
    );

    const reasons = { ...GKO_SCHEMA_REJECTIONS, ...GKO_CLUSTER_VALUE_REJECTIONS };
    const admission = (id: string) =>
      (GKO_ADMISSION_REJECTIONS.find((line) => line.startsWith(`${id} `)) ?? '').slice(id.length + 1);
    for (const [id, expected] of Object.entries(NOT_SYNCED))
      t.diagnostic(`not synced, as GKO (${expected.basis}): ${id}: ${reasons[id] ?? admission(id)}`);
    for (const [file, { reason }] of Object.entries(NOT_PLANNABLE))
      t.diagnostic(`not planned: ${file}: ${reason}`);

    // Assess
    assert.ok(tally.puts > 0 && checker.counts.portalLinksExtension > 0 && checker.counts.importCrd > 0);
  });
});
