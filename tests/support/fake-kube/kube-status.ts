/** One entry of `Status.details.causes`, e.g. a field validation failure. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** `Status.details`; empty members are omitted, as Go's `omitempty` does. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The `meta/v1 Status` object the API server answers with on errors (and on some deletes). */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code?: number;
}

/** Builds a `Status` with the real server's field order and omissions. */
export function makeStatus(fields: {
  status?: 'Success' | 'Failure';
  code?: number;
  reason?: string;
  message?: string;
  details?: StatusDetails;
}): KubeStatus {
  const status: KubeStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: fields.status ?? 'Failure',
  };
  if (fields.message) status.message = fields.message;
  if (fields.reason) status.reason = fields.reason;
  if (fields.details) status.details = compactDetails(fields.details);
  if (fields.code) status.code = fields.code;
  return status;
}

function compactDetails(details: StatusDetails): StatusDetails {
  const out: StatusDetails = {};
  if (details.name) out.name = details.name;
  if (details.group) out.group = details.group;
  if (details.kind) out.kind = details.kind;
  if (details.uid) out.uid = details.uid;
  if (details.causes?.length) out.causes = details.causes;
  if (details.retryAfterSeconds) out.retryAfterSeconds = details.retryAfterSeconds;
  return out;
}

/**
 * An API error carrying the exact `Status` body and HTTP code the real server would send. The store
 * throws these; the HTTP layer serialises them; direct test accessors let them propagate.
 */
export class KubeStatusError extends Error {
  override readonly name = 'KubeStatusError';
  readonly status: KubeStatus;

  constructor(status: KubeStatus) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
    this.status = status;
  }

  /** HTTP status code (500 when the Status has none). */
  get code(): number {
    return this.status.code ?? 500;
  }
}
