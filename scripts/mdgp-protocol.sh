#!/bin/sh
# The MDGPLIB wall-clock protocol of issue 14, target 1: the report split
# (indices 04–05; n = 480: 03), 3 seeds, the papers' limits (3 / 20 / 120 s)
# and ¼ of them, 2 runs per solve on the 2 cores. Run it on a QUIET machine
# (nothing else compiling or benchmarking): the search is cut by the clock, so
# a busy machine makes every gap worse. About 1 h in all (12 + 12 + 6 instances × 3 seeds × 1¼ limits).
#
#   sh scripts/mdgp-protocol.sh [OUT_DIR]
#
# Per-solve lines go to OUT_DIR/report-<size>.tsv (reprint the tables with
# `cargo bench --bench mdgp -- --from-raw FILE`), the tables to stdout.
set -eu
out=${1:-target/mdgp-protocol}
mkdir -p "$out"
cargo build --release --bench mdgp
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
for size in 120 240 480; do
    cargo bench --bench mdgp -- --split report --sizes "$size" --seeds 3 \
        --budgets full,quarter --raw "$out/report-$size.tsv"
done
