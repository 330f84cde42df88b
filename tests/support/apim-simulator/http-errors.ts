/** APIM's error payload (`HttpError` in the automation spec, `Error` in management v2). */
export interface HttpErrorBody {
  httpStatus: number;
  message: string;
  technicalCode?: string;
  parameters?: Record<string, string>;
  details?: Array<{ message?: string; location?: string }>;
}

/** Builds an APIM error payload; optional members are only present when given, as Jackson omits nulls. */
export function httpError(
  httpStatus: number,
  message: string,
  extra: Omit<HttpErrorBody, 'httpStatus' | 'message'> = {},
): HttpErrorBody {
  return { httpStatus, message, ...extra };
}

/**
 * Thrown by operation handlers to answer with an APIM error, mirroring how APIM resources throw domain
 * exceptions that exception mappers turn into responses.
 */
export class ApimHttpError extends Error {
  override name = 'ApimHttpError';
  readonly status: number;
  readonly body: HttpErrorBody;

  constructor(body: HttpErrorBody) {
    super(body.message);
    this.status = body.httpStatus;
    this.body = body;
  }
}

/** APIM's `ValidationDomainException` mapping: 400 with technical code `invalid`. */
export function invalidRequest(message: string): ApimHttpError {
  return new ApimHttpError(httpError(400, message, { technicalCode: 'invalid' }));
}

/** APIM's `HRIDNotFoundException` mapping for automation resources. */
export function hridNotFound(hrid: string): ApimHttpError {
  return new ApimHttpError(
    httpError(404, `HRID [${hrid}] cannot be found.`, { technicalCode: 'hrid.notFound' }),
  );
}
