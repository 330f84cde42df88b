import type { ManagedProcess } from '../support/managed-process.ts';

/**
 * A server of the test cluster did not come up. The message carries the end of its log, because the log
 * file goes away with the cluster's temporary directory.
 */
export class StartFailure extends Error {
  override readonly name = 'StartFailure';
  /** The port it was told to use was taken in the meantime: starting again on other ports may work. */
  readonly addressInUse: boolean;

  constructor(message: string, options: ErrorOptions & { addressInUse: boolean }) {
    super(message, options);
    this.addressInUse = options.addressInUse;
  }

  /** Wraps why `process` failed to start, with its log tail. */
  static from(process: ManagedProcess, cause: unknown): StartFailure {
    if (cause instanceof StartFailure) return cause;
    const tail = process.logTail(6_000).trim();
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new StartFailure(
      `${process.name} did not start: ${reason}\n--- ${process.name} log tail ---\n${tail || '(empty)'}`,
      {
        cause,
        addressInUse: /address already in use/i.test(tail),
      },
    );
  }

  /** For `waitForUrl`'s abortIf: an error once the process has exited. */
  static ifExited(process: ManagedProcess): Error | undefined {
    const exit = process.exitStatus();
    if (exit === undefined) return undefined;
    return StartFailure.from(
      process,
      new Error(`exited early (code ${exit.code ?? '-'}, signal ${exit.signal ?? '-'})`),
    );
  }
}
