import type { AdmissionRule } from '../rule.ts';
import { certificatesOutliveSubscriptions } from '../rules/application-certificate-ends.ts';
import { clientIdIsUnique } from '../rules/application-client-id.ts';
import { oauthSettingsFitType } from '../rules/application-oauth.ts';
import { applicationIsSimpleOrOAuth } from '../rules/application-settings-kind.ts';
import { applicationKindIsImmutable } from '../rules/application-settings-update.ts';
import { clientCertificatesAreValid } from '../rules/application-tls.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of an Application. */
export const applicationRules: AdmissionRule[] = [
  templatesCompile,
  contextReferenceExists,
  applicationIsSimpleOrOAuth,
  oauthSettingsFitType,
  clientCertificatesAreValid,
  applicationKindIsImmutable,
  certificatesOutliveSubscriptions,
  clientIdIsUnique,
];
