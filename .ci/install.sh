#!/usr/bin/env bash
# Installs the machine-level things the tests need: a CJK font for chart labels, libgomp for LightGbm,
# Chromium for the browser tests. Idempotent; quiet when everything is already there.
set -euo pipefail
need=()
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei fontconfig)
[ -e /usr/lib/x86_64-linux-gnu/libgomp.so.1 ] || [ -e /usr/lib/aarch64-linux-gnu/libgomp.so.1 ] || need+=(libgomp1)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL for the shared Hangfire storage test (two job servers on one PostgreSQL, as in a multi-machine deployment).
if ! command -v pg_ctlcluster >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
if command -v pg_lsclusters >/dev/null; then
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  if [ -n "$cluster" ]; then
    pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online || pg_ctlcluster $cluster start
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='root'\"" | grep -q 1 || su postgres -c "createuser -s root"
  fi
fi

# node and the pinned npm packages of the test OpenID Connect provider (tests/Monitor.Web.Tests/Oidc/provider):
# `npm ci` installs exactly package-lock.json, again only when the lock file changed since the last install.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
provider="$(cd "$(dirname "$0")/.." && pwd)/tests/Monitor.Web.Tests/Oidc/provider"
if [ ! -d "$provider/node_modules/oidc-provider" ] || [ "$provider/package-lock.json" -nt "$provider/node_modules/.package-lock.json" ]; then
  (cd "$provider" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
