import type { AdmissionRule } from '../rule.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { dictionaryMatchesType } from '../rules/dictionary-type.ts';

/** Admission rules of a Dictionary: an existing ManagementContext, settings matching the type. */
export const dictionaryRules: AdmissionRule[] = [contextReferenceExists, dictionaryMatchesType];
