import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { type Logger, redact } from '../log/logger.ts';

/** Our {@link Logger} port over Powertools Logger, with the same redaction of secret-looking keys. */
export function powertoolsLogger(logger: PowertoolsLogger): Logger {
  const extra = (e?: Record<string, unknown>) => (e ? [redact(e) as Record<string, unknown>] : []);
  return {
    debug: (m, e) => logger.debug(m, ...extra(e)),
    info: (m, e) => logger.info(m, ...extra(e)),
    warn: (m, e) => logger.warn(m, ...extra(e)),
    error: (m, e) => logger.error(m, ...extra(e)),
  };
}
