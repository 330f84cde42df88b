import type { AdmissionRule } from '../rule.ts';
import { apiKeysFitPlan } from '../rules/subscription-api-keys.ts';
import { subscriptionTargetsAreUsable } from '../rules/subscription-api-state.ts';
import { applicationFitsPlan } from '../rules/subscription-application-settings.ts';
import { subscriptionSharesContext } from '../rules/subscription-context.ts';
import { subscriptionEndIsValid } from '../rules/subscription-ending.ts';
import { subscriptionTargetsAreImmutable } from '../rules/subscription-immutability.ts';
import { subscribedPlanIsSubscribable } from '../rules/subscription-plan.ts';
import { subscriptionReferencesExist } from '../rules/subscription-references.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a Subscription. */
export const subscriptionRules: AdmissionRule[] = [
  templatesCompile,
  subscriptionTargetsAreImmutable,
  subscriptionReferencesExist,
  subscriptionTargetsAreUsable,
  subscribedPlanIsSubscribable,
  apiKeysFitPlan,
  applicationFitsPlan,
  subscriptionSharesContext,
  subscriptionEndIsValid,
];
