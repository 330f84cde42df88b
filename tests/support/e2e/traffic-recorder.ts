/** Something with an SDK v3 middleware stack. */
interface WithMiddleware {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: unknown }) => Promise<{ output: unknown }>,
      ) => (args: { input: unknown }) => Promise<{ output: unknown }>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/**
 * Records every request and response an AWS SDK client exchanges, as JSON text, so a test can search
 * everything that crossed a queue, the bus or the registry (the "no secret in any message" check).
 */
export class TrafficRecorder {
  readonly entries: string[] = [];

  attach(client: unknown, label: string): void {
    (client as WithMiddleware).middlewareStack.add(
      (next) => async (args) => {
        this.entries.push(`${label} request ${safeJson(args.input)}`);
        const result = await next(args);
        this.entries.push(`${label} response ${safeJson(result.output)}`);
        return result;
      },
      { step: 'initialize', name: `record-${label}` },
    );
  }

  text(): string {
    return this.entries.join('\n');
  }
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
}
