/**
 * The parts of an `ApiV4Definition` custom resource the payload mapping reads.
 *
 * Deliberately minimal and open (`[key: string]: unknown`): the full, validated shape lives with the CRD
 * schemas in `lib/crds/`; the mapping passes every other field through untouched, as GKO's JSON
 * round-trip does for a spec the API server has already pruned and defaulted.
 */

/** A reference to another custom resource; `namespace` defaults to the referrer's. */
export interface ResourceRef {
  name: string;
  namespace?: string;
  kind?: string;
}

/** A flow step; `sharedPolicyGroupRef` makes it a placeholder for a SharedPolicyGroup. */
export interface FlowStepInput {
  sharedPolicyGroupRef?: ResourceRef;
  [key: string]: unknown;
}

/** An API or plan flow, with its steps per phase. */
export interface FlowInput {
  request?: FlowStepInput[];
  response?: FlowStepInput[];
  subscribe?: FlowStepInput[];
  publish?: FlowStepInput[];
  connect?: FlowStepInput[];
  interact?: FlowStepInput[];
  [key: string]: unknown;
}

/** An entry of `spec.resources`: either inline or a `ref` to an ApiResource. */
export interface ResourceOrRefInput {
  ref?: ResourceRef;
  [key: string]: unknown;
}

/** A value of the `spec.plans` map. */
export interface PlanInput {
  id?: string;
  generalConditions?: string;
  flows?: FlowInput[];
  [key: string]: unknown;
}

/** A value of the `spec.pages` map. */
export interface PageInput {
  id?: string;
  crossId?: string;
  parent?: string;
  [key: string]: unknown;
}

/** Console notification settings as the Automation API takes them. */
export interface ConsoleNotification {
  events: string[];
  groups: string[];
}

/** `spec` of an `ApiV4Definition`, as stored by the API server (pruned, defaults applied). */
export interface ApiV4DefinitionSpec {
  id?: string;
  crossId?: string;
  hrid?: string;
  contextRef?: ResourceRef;
  definitionContext?: { origin?: string; syncFrom?: string };
  plans?: Record<string, PlanInput>;
  pages?: Record<string, PageInput>;
  flows?: FlowInput[];
  resources?: ResourceOrRefInput[];
  groups?: string[];
  groupRefs?: ResourceRef[];
  notificationsRefs?: ResourceRef[];
  consoleNotification?: ConsoleNotification;
  [key: string]: unknown;
}

/** An `ApiV4Definition` as the mapping needs it: identity plus spec. */
export interface ApiV4DefinitionResource {
  metadata: { name: string; namespace: string; uid?: string };
  spec: ApiV4DefinitionSpec;
}

/**
 * What GKO reads from the resource's current `status` when it builds the request. Only needed for
 * resources first synced by GKO before 4.12 (UUID-managed); a fresh resource has none of it.
 */
export interface ApiV4PreviousStatus {
  /** `status.id`: the APIM UUID of the API. */
  id?: string;
  /** `status.crossId`. */
  crossId?: string;
  /** `status.plans`: plan key → plan UUID. */
  plans?: Record<string, string>;
  /** True once a sync went through HRIDs (GKO's `AutomationAPIManaged` condition). */
  automationApiManaged?: boolean;
}
