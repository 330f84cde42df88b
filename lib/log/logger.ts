/** Structured logger port; Powertools Logger satisfies it in Lambda, {@link JsonLogger} elsewhere. */
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Keys whose values never reach a log line, whatever object they sit in. */
const REDACTED_KEYS = /^(authorization|password|token|bearertoken|cloudtoken|secret|plaintext|credentials)$/i;

/** Copies `value` with secret-looking keys replaced, and errors turned into plain objects. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      ...(value.cause ? { cause: redact(value.cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = REDACTED_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

/**
 * One JSON object per line on a writable stream (stdout by default), for the watcher and local mode.
 *
 * @example
 * const log = new JsonLogger({ service: 'watcher', level: 'info' });
 * log.info('watch started', { kind: 'ApiV4Definition' });
 */
export class JsonLogger implements Logger {
  private readonly threshold: number;
  private readonly base: Record<string, unknown>;
  private readonly write: (line: string) => void;

  constructor(
    options: { service: string; level?: LogLevel; write?: (line: string) => void } & Record<string, unknown>,
  ) {
    const { service, level = 'info', write, ...rest } = options;
    this.threshold = LEVELS[level];
    this.base = { service, ...rest };
    this.write = write ?? ((line) => process.stdout.write(line));
  }

  debug(message: string, extra?: Record<string, unknown>): void {
    this.log('debug', message, extra);
  }
  info(message: string, extra?: Record<string, unknown>): void {
    this.log('info', message, extra);
  }
  warn(message: string, extra?: Record<string, unknown>): void {
    this.log('warn', message, extra);
  }
  error(message: string, extra?: Record<string, unknown>): void {
    this.log('error', message, extra);
  }

  private log(level: Exclude<LogLevel, 'silent'>, message: string, extra?: Record<string, unknown>): void {
    if (LEVELS[level] < this.threshold) return;
    // `message` goes last so an extra field of that name cannot replace it.
    const entry = {
      level,
      time: new Date().toISOString(),
      ...this.base,
      ...(redact(extra ?? {}) as object),
      message,
    };
    this.write(`${JSON.stringify(entry)}\n`);
  }
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
