import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realCacheDir } from '../support/cache-dir.ts';

/** Directory of the wrapper Go modules (go/apiserver, go/etcd) that pin what gets built. */
export const wrapperModulesDir: string = join(import.meta.dirname, 'go');

/** Kubernetes and etcd releases pinned by the wrapper modules' go.mod files. */
export interface PinnedVersions {
  /** e.g. `v1.36.3` */
  kubernetes: string;
  /** e.g. `v3.6.16` */
  etcd: string;
}

/** Where the built binaries live and what they were built from. */
export interface KubeBinaries {
  versions: PinnedVersions;
  binDir: string;
  kubeApiserver: string;
  etcd: string;
  /** Written last by build.sh: "kubernetes <v>, etcd <v>, <go version> <os>/<arch>". */
  stampFile: string;
}

/** Thrown when a wrapper go.mod does not name the module it should pin. */
export class PinnedVersionError extends Error {
  override readonly name = 'PinnedVersionError';
}

function requiredVersion(goModPath: string, modulePath: string): string {
  const goMod = readFileSync(goModPath, 'utf8');
  const escaped = modulePath.replace(/[.]/g, '\\.');
  // Matches `require <module> vX` and a line of a require block; replace lines (`<module> => ...`) do not.
  const match = new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`, 'm').exec(goMod);
  if (!match?.[1]) throw new PinnedVersionError(`${goModPath} does not require ${modulePath}`);
  return match[1];
}

/** Reads the pinned versions from go/apiserver/go.mod and go/etcd/go.mod (the single source of truth). */
export function pinnedVersions(): PinnedVersions {
  return {
    kubernetes: requiredVersion(join(wrapperModulesDir, 'apiserver', 'go.mod'), 'k8s.io/kubernetes'),
    etcd: requiredVersion(join(wrapperModulesDir, 'etcd', 'go.mod'), 'go.etcd.io/etcd/server/v3'),
  };
}

/** Cache paths of the binaries for the pinned versions (they may not exist yet). */
export function kubeBinaries(): KubeBinaries {
  const versions = pinnedVersions();
  const binDir = realCacheDir('kube', versions.kubernetes, 'bin');
  return {
    versions,
    binDir,
    kubeApiserver: join(binDir, 'kube-apiserver'),
    etcd: join(binDir, 'etcd'),
    stampFile: join(binDir, 'versions.txt'),
  };
}
