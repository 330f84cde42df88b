import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from './repo-root.ts';

/**
 * Root of the cache that real-component harnesses build into (binaries, downloaded artifacts):
 * `GSO_REAL_CACHE` when set (relative values resolve against the repository root), else `<repo>/.cache/real`,
 * which is gitignored. Kept outside temp dirs on purpose: builds take minutes and must survive runs.
 */
export function realCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GSO_REAL_CACHE?.trim();
  if (!configured) return join(repoRoot, '.cache', 'real');
  return isAbsolute(configured) ? configured : resolve(repoRoot, configured);
}

/** A path inside the real-component cache, e.g. `realCacheDir('kube', 'v1.36.3', 'bin')`. */
export function realCacheDir(...segments: string[]): string {
  return join(realCacheRoot(), ...segments);
}
