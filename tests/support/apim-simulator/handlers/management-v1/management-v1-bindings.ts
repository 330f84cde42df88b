import type { OperationBinding } from '../operation-handler.ts';
import { deleteV2ApiBinding, getV2ApiBinding } from './api-v2-read-delete.ts';
import { importCrdBinding } from './import-crd.ts';

/** The Management API v1 operations GKO uses for v2 APIs: import-crd, read and delete. */
export const managementV1Bindings: readonly OperationBinding[] = [
  importCrdBinding,
  getV2ApiBinding,
  deleteV2ApiBinding,
];
