#!/usr/bin/env bash
# How long `daftar verify` takes on an archive of many versions of the sample register:
#   bench/verify-versions.sh [VERSIONS]   (default 100)
# Each version changes one record (as an office's versions do) and is published on its
# own day, so every page carries a new date. Prints the figures; times nothing in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=${1:-100}
cargo build --release --quiet
daftar=$PWD/target/release/daftar
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r content keputusan daftar.toml "$work/"
record="$work/content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md"
start=$(date -d 2026-11-25 +%s)
for i in $(seq 1 "$versions"); do
  day=$(date -u -d "@$((start + i * 86400))" +%F)
  printf '\nPembaruan penjelasan nomor %s.\n' "$i" >> "$record"
  "$daftar" publish --quiet --root "$work" --tanggal "$day" --catatan "Versi $i"
done
echo "arsip: $versions versi, $(du -sh "$work/archive" | cut -f1) di disk, $(find "$work/archive" -type f | wc -l) nama berkas, $(find "$work/archive" -type f -links 1 | wc -l) berkas tanpa tautan keras"
# Reference in the same run: reading every file once with sha256sum (the floor for
# re-hashing); daftar verify hashes each distinct file once and checks the chain.
ref=$( { /usr/bin/time -f %e sh -c "find '$work/archive' -type f -print0 | xargs -0 sha256sum >/dev/null"; } 2>&1 )
own=$( { /usr/bin/time -f %e "$daftar" verify --quiet --root "$work"; } 2>&1 )
echo "daftar verify: ${own} s; sha256sum atas setiap nama berkas: ${ref} s"
