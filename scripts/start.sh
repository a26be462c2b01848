#!/usr/bin/env bash
# Installs what the demo needs and starts it: the page, @ferry/server and the embedded store.
source "$(dirname "$0")/setup.sh"
exec pnpm start
