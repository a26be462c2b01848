#!/usr/bin/env bash
# Installs what the benchmark needs (as test.sh does) and runs it; options are passed through:
#   bash scripts/bench.sh                 one 512 MiB file, 8 MiB parts, concurrency 4, 5 rounds
#   bash scripts/bench.sh --latency 20    the same with 20 ms added to every answer
#   bash scripts/bench.sh --size 2048     a 2 GiB file
#   bash scripts/bench.sh --many          1,000 files of 64 KiB
#   bash scripts/bench.sh --browser all   the same in Chromium, Firefox ESR and WebKitGTK, each against raw in its own rounds
#   bash scripts/bench.sh --shaped --browser all   a 100 Mbit/s link with 50 ms per answer (needs root: ip netns, tc)
#   bash scripts/bench.sh --help          every option
#   bash scripts/bench.sh server          the signing server under load: @ferry/server against @uppy/companion
#                                         (requests per second per core, p50/p99, memory, bad requests; --help)
#   bash scripts/bench.sh thumbnails      300 photos of 4000×3000 added at once: <ferry-uploader manual> against plain
#                                         <img src=objectURL> tags (long tasks, stalls, peak heap and RSS; --help)
#   bash scripts/bench.sh look            screenshots of <ferry-uploader>, Uppy Dashboard and FilePond in the same
#                                         states, light and dark, 320 and 1024 px, into bench/results/look/ (--help)
source "$(dirname "$0")/setup.sh"
if [ "${1:-}" = server ]; then
  shift
  exec node bench/dist/server-bench.js "$@"
fi
ensure_browsers
if [ "${1:-}" = thumbnails ]; then
  shift
  exec node bench/dist/thumbnail-bench.js "$@"
fi
if [ "${1:-}" = look ]; then
  shift
  exec node bench/dist/look-compare.js "$@"
fi
exec node bench/dist/run.js "$@"
