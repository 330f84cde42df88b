import type { AdmissionRule } from '../rule.ts';
import { contextPathsAreFree } from '../rules/api-context-paths.ts';
import { apiGroupRefsExist } from '../rules/api-group-refs.ts';
import { apiNotificationsAreValid } from '../rules/api-notifications.ts';
import { pageParentsExist } from '../rules/api-pages.ts';
import { startedApiHasPlan } from '../rules/api-plans.ts';
import { apiResourcesAreValid } from '../rules/api-resources.ts';
import { subscribedPlansRemain } from '../rules/api-subscribed-plans.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Annotation that marks an ApiDefinition as a template for Ingress-generated APIs; GKO admits those unchecked. */
export const INGRESS_TEMPLATE_ANNOTATION = 'gravitee.io/template';

/** Admission rules of an ApiDefinition (v2). */
export const apiDefinitionRules: AdmissionRule[] = [
  templatesCompile,
  subscribedPlansRemain,
  contextReferenceExists,
  startedApiHasPlan,
  contextPathsAreFree,
  apiResourcesAreValid,
  pageParentsExist,
  apiNotificationsAreValid,
  apiGroupRefsExist,
];
