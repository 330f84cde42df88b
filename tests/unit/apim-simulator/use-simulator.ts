import { after, afterEach, before, beforeEach } from 'node:test';
import { ApimSimulator, type ApimSimulatorOptions } from '../../support/apim-simulator/index.ts';
import { AutomationClient } from './automation-client.ts';
import { TOKEN } from './http-helpers.ts';

/**
 * What the hooks do around each test: `check` (the default) resets the simulator before it and fails it
 * on any OpenAPI violation after it; `reset` only resets, for suites that assert violations themselves;
 * `none` does neither.
 */
export type EachTest = 'check' | 'reset' | 'none';

/** A simulator started for the suite and an automation client pointed at it. */
export interface SuiteSimulator {
  readonly simulator: ApimSimulator;
  /** Calls the `DEFAULT` environment of `simulator`; usable from the first test on. */
  readonly client: AutomationClient;
}

/**
 * Registers, in the calling `describe`, the hooks that start a simulator before its tests and stop it
 * after them, plus those of `eachTest`. The simulator accepts bearer `TOKEN` unless `options` say
 * otherwise. Hooks a suite registers after this call run after these ones.
 *
 * @example
 * describe('groups', () => {
 *   const { simulator, client } = useSimulator();
 *   it('stores a group', async () => { await client.put('groups', groupSpec('devs')); });
 * });
 */
export function useSimulator(
  options: ApimSimulatorOptions = {},
  eachTest: EachTest = 'check',
): SuiteSimulator {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN }, ...options });
  before(() => simulator.start());
  after(() => simulator.stop());
  if (eachTest !== 'none') beforeEach(() => simulator.reset());
  if (eachTest === 'check') afterEach(() => simulator.assertNoViolations());
  return { simulator, client: new AutomationClient(() => simulator.baseUrl) };
}
