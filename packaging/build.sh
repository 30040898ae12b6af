#!/usr/bin/env bash
# From a clean clone, one command: a build venv, the app with its `package` and `keyring` extras
# (the sync token goes to Windows Credential Manager or the Secret Service), the bundle,
# its checks (every subcommand listed, self-test offscreen) and the Linux tarball in dist/.
#   bash packaging/build.sh            (PYTHON=python3.12 bash packaging/build.sh to choose)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/venv
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
fi
# Not editable: the bundle must be built from the files of this checkout (the spec puts the
# checkout first on the path), and its dependencies from a venv that holds nothing else.
"$venv/bin/python" -m pip install -q '.[package,keyring]'
exec "$venv/bin/python" packaging/build_bundle.py "$@"
