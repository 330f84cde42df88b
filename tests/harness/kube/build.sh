#!/usr/bin/env bash
# Builds kube-apiserver and etcd from the pinned wrapper Go modules under go/ and caches them in
#   ${GSO_REAL_CACHE:-<repo>/.cache/real}/kube/<kubernetes version>/bin/{kube-apiserver,etcd}
# A second run is a no-op ("cached") while both binaries and the version stamp are present.
# Versions come from go/apiserver/go.mod and go/etcd/go.mod (see update-go-modules.sh).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../../.." && pwd)
cache_root=${GSO_REAL_CACHE:-$repo_root/.cache/real}

required_version() { # <go.mod> <module path>
  awk -v m="$2" '$1==m && $2 ~ /^v/ {print $2; exit} $1=="require" && $2==m {print $3; exit}' "$1"
}
k8s_version=$(required_version "$here/go/apiserver/go.mod" k8s.io/kubernetes)
etcd_version=$(required_version "$here/go/etcd/go.mod" go.etcd.io/etcd/server/v3)
[[ -n $k8s_version && -n $etcd_version ]] || { echo "cannot read versions from $here/go/*/go.mod" >&2; exit 1; }

bin_dir="$cache_root/kube/$k8s_version/bin"
stamp="kubernetes $k8s_version, etcd $etcd_version, $(go env GOVERSION) $(go env GOOS)/$(go env GOARCH)"
if [[ -x $bin_dir/kube-apiserver && -x $bin_dir/etcd && "$(cat "$bin_dir/versions.txt" 2>/dev/null)" == "$stamp" ]]; then
  echo "cached: $bin_dir ($stamp)"
  exit 0
fi

started=$SECONDS
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
mkdir -p "$bin_dir"
rm -f "$bin_dir/versions.txt"
echo "building into $bin_dir ($stamp) with $(nproc) CPUs"

# go build -v names each package as it is compiled; turn that into a progress line per 100 packages.
build_with_progress() { # <label> <module dir> <output> <package> <ldflags>
  local label=$1 dir=$2 out=$3 pkg=$4 ldflags=$5 t0=$SECONDS total
  echo "$label: resolving modules and package graph"
  total=$(cd "$dir" && go list -deps "$pkg" | wc -l)
  echo "$label: compiling up to $total packages (already cached ones are not listed)"
  (cd "$dir" && CGO_ENABLED=0 go build -v -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp" "$pkg" 2>&1) |
    awk -v label="$label" -v total="$total" -v t0="$(date +%s)" '
      /^#|: / { print; next }
      { n++; if (n % 100 == 0) { printf "%s: %d/%d packages compiled (%ds)\n", label, n, total, systime() - t0; fflush() } }'
  [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "$label: build failed" >&2; exit 1; }
  mv "$out.tmp" "$out"
  echo "$label: done in $(elapsed "$t0"), $(du -h "$out" | cut -f1)"
}

# Same variables Kubernetes' own build stamps, so /version reports the real release. buildDate is the
# module's publication time, which keeps rebuilds byte-for-byte reproducible.
k8s_published=$(cd "$here/go/apiserver" && go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' k8s.io/kubernetes)
minor=${k8s_version#v1.}
minor=${minor%%.*}
version_ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  version_ldflags+=" -X $pkg.gitTreeState=archive -X $pkg.buildDate=$k8s_published"
done

build_with_progress etcd "$here/go/etcd" "$bin_dir/etcd" gravitee-serverless-operator/tests/harness/kube/go/etcd ""
build_with_progress kube-apiserver "$here/go/apiserver" "$bin_dir/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver "$version_ldflags"

echo "$stamp" >"$bin_dir/versions.txt"
echo "built kube-apiserver $("$bin_dir/kube-apiserver" --version | awk '{print $2}') and etcd $("$bin_dir/etcd" --version | awk '/etcd Version/{print $3}') in $(elapsed "$started")"
