import type { AdmissionRule } from '../rule.ts';
import { contextPathsAreFree } from '../rules/api-context-paths.ts';
import { apiGroupRefsExist } from '../rules/api-group-refs.ts';
import { apiNotificationsAreValid } from '../rules/api-notifications.ts';
import { pageParentsExist } from '../rules/api-pages.ts';
import { startedApiHasPlan } from '../rules/api-plans.ts';
import { apiResourcesAreValid } from '../rules/api-resources.ts';
import { subscribedPlansRemain } from '../rules/api-subscribed-plans.ts';
import { flowPhasesFitApiType } from '../rules/api-v4-flow-phases.ts';
import { httpClientOptionsInRange } from '../rules/api-v4-http-client-options.ts';
import { kafkaPlanPortsAreConsistent } from '../rules/api-v4-kafka-plan-ports.ts';
import { nativeApiFeatures } from '../rules/api-v4-native-features.ts';
import { sharedPolicyGroupsFitFlows } from '../rules/api-v4-shared-policy-groups.ts';
import { apiTypeIsImmutable } from '../rules/api-v4-type-immutable.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of an ApiV4Definition. */
export const apiV4DefinitionRules: AdmissionRule[] = [
  templatesCompile,
  apiTypeIsImmutable,
  subscribedPlansRemain,
  flowPhasesFitApiType,
  nativeApiFeatures,
  httpClientOptionsInRange,
  kafkaPlanPortsAreConsistent,
  sharedPolicyGroupsFitFlows,
  contextReferenceExists,
  startedApiHasPlan,
  contextPathsAreFree,
  apiResourcesAreValid,
  pageParentsExist,
  apiNotificationsAreValid,
  apiGroupRefsExist,
];
