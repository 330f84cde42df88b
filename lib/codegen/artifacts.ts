/**
 * Generated files as data: every generator returns `Map<repo-relative path, content>`, and this
 * module writes them or compares them with what is on disk (`--check`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix } from 'node:path';

/** Generated files by repo-relative POSIX path. */
export type Artifacts = Map<string, string>;

/** One difference between the generated artifacts and the files on disk. */
export interface ArtifactDrift {
  path: string;
  problem: 'missing' | 'outdated' | 'unexpected';
}

/** Writes every artifact under `root`, creating directories as needed. */
export function writeArtifacts(artifacts: Artifacts, root: string): void {
  for (const [path, content] of artifacts) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/**
 * Lists the differences between `artifacts` and the files under `root`.
 *
 * Besides missing and outdated files, a file sitting next to generated ones with the same
 * extension but no longer generated (e.g. after a kind is renamed) is reported as unexpected.
 */
export function diffArtifacts(artifacts: Artifacts, root: string): ArtifactDrift[] {
  const drift: ArtifactDrift[] = [];
  for (const [path, content] of artifacts) {
    const target = join(root, path);
    if (!existsSync(target)) drift.push({ path, problem: 'missing' });
    else if (readFileSync(target, 'utf8') !== content) drift.push({ path, problem: 'outdated' });
  }
  const directories = new Set([...artifacts.keys()].map((path) => posix.dirname(path)));
  const extensions = new Set([...artifacts.keys()].map((path) => extname(path)));
  for (const directory of [...directories].sort()) {
    const absolute = join(root, directory);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute).sort()) {
      const path = posix.join(directory, name);
      if (extensions.has(extname(name)) && !artifacts.has(path)) drift.push({ path, problem: 'unexpected' });
    }
  }
  return drift;
}

/** Human-readable report of a drift list, one file per line. */
export function describeDrift(drift: readonly ArtifactDrift[]): string {
  return drift.map(({ path, problem }) => `  ${problem.padEnd(10)} ${path}`).join('\n');
}
