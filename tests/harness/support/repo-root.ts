import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, derived from this file's location (tests/harness/support/). */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
