/**
 * The two families of sync failure, split as GKO and ACK split them.
 *
 * - {@link TerminalError}: retrying cannot help until the spec changes (invalid spec, APIM 400/401/403,
 *   illegal state). The status says `Accepted=False` and the message is acknowledged.
 * - {@link RecoverableError}: the same request may succeed later (network, timeout, 5xx, 429, a reference
 *   not yet known). The message is retried with growing back-off, then dead-lettered.
 *
 * Every message names the resource, the field or the APIM endpoint, and the reason.
 */
export abstract class SyncError extends Error {
  /** Machine-readable reason, CamelCase, used as the condition reason. */
  abstract readonly reason: string;
  abstract readonly terminal: boolean;
}

export class TerminalError extends SyncError {
  override readonly name: string = 'TerminalError';
  readonly terminal = true;
  readonly reason: string;
  constructor(reason: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

export class RecoverableError extends SyncError {
  override readonly name: string = 'RecoverableError';
  readonly terminal = false;
  readonly reason: string;
  constructor(reason: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

/** A reference (contextRef, …) that the registry does not know yet: recoverable, `ResolvedRefs=False`. */
export class MissingReferenceError extends RecoverableError {
  override readonly name: string = 'MissingReferenceError';
  readonly field: string;
  readonly target: string;
  constructor(field: string, target: string, options?: ErrorOptions) {
    super('UnresolvedReference', `${field} references ${target}, which does not exist (yet)`, options);
    this.field = field;
    this.target = target;
  }
}

/** A referenced resource exists but APIM does not have it yet (its own sync has not succeeded). */
export class UnsyncedReferenceError extends MissingReferenceError {
  override readonly name: string = 'UnsyncedReferenceError';
  constructor(field: string, target: string, state: string, options?: ErrorOptions) {
    super(field, target, options);
    this.message = `${field} references ${target}, which is not synced with APIM yet (${state})`;
  }
}

/** A queue record that is not a change event this function understands: dead-lettered at once. */
export class MalformedRecordError extends TerminalError {
  override readonly name: string = 'MalformedRecordError';
  constructor(message: string, options?: ErrorOptions) {
    super('MalformedRecord', message, options);
  }
}

/** Classifies anything thrown into a {@link SyncError}; unknown errors count as recoverable. */
export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RecoverableError('InternalError', message, { cause: error });
}
