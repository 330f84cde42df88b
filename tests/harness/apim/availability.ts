import { ApimAssemblyError, assembleApimHome } from './assemble-apim.ts';

/** Whether a real APIM Management API can be started here, and if not, why. */
export type ApimAvailability = { available: true; home: string } | { available: false; reason: string };

/**
 * Assembles the Management API home (a no-op when cached or provided by `GSO_APIM_HOME`) and reports
 * whether it worked. An assembly failure is an answer, not an error: the caller decides what runs without
 * APIM and says so. Any other failure (a bug in the harness) still throws.
 */
export async function realApimAvailability(log?: (line: string) => void): Promise<ApimAvailability> {
  try {
    const assembly = await assembleApimHome(log ? { log } : {});
    return { available: true, home: assembly.home };
  } catch (error) {
    if (error instanceof ApimAssemblyError) {
      return { available: false, reason: error.message.split('\n').slice(0, 3).join(' ') };
    }
    throw error;
  }
}
