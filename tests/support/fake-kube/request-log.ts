/** One request as the fake server received it, for assertions on what a client actually sent. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/apis/gravitee.io/v1alpha1/namespaces/default/managementcontexts`. */
  path: string;
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  /** The request Content-Type header, if any (e.g. `application/merge-patch+json`). */
  contentType?: string;
  /** Parsed JSON body when it is JSON, the raw text otherwise, undefined when empty. */
  body?: unknown;
  /** True for `watch=true` requests. */
  watch: boolean;
  /** HTTP status sent back (200 for watches, whatever their events). */
  status?: number;
}
