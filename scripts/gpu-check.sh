#!/usr/bin/env bash
# GPU check (docs/gpu-check.md). The GPU machine has an NVIDIA driver but no .NET and no NuGet, so the check is
# published here as one self-contained linux-x64 payload that is carried there next to the repository.
#
#   scripts/gpu-check.sh           publish the payload, check its size, prove it on this machine's CPU, then print the
#                                  path to carry and the exact command (with its time limit) to run on the GPU machine
#   scripts/gpu-check.sh --local   publish the payload and run the whole CPU half here (no CUDA needed)
set -euo pipefail
cd "$(dirname "$0")/.."

payload="artifacts/gpu-check"
executable="$payload/Spatial.GpuCheck"
max_bytes=$((60 * 1024 * 1024))
# On an H200 the check takes about a minute; throughput figures stop at the budget, the process at the time limit,
# so a failed first run leaves room for a second one inside 15 minutes of GPU time.
budget_s=90
limit_s=150
gpu_command="chmod +x $executable && timeout $limit_s $executable --budget $budget_s"

mode="handover"
case "${1:-}" in
  "") ;;
  --local) mode="local" ;;
  -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "gpu-check: unknown argument '$1' (expected nothing or --local)" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "gpu-check: the .NET SDK is needed to publish the payload (dotnet is not on PATH); on the GPU machine run only: $gpu_command" >&2
  exit 1
fi

echo "gpu-check: publishing tools/Spatial.GpuCheck (self-contained linux-x64, framework trimmed) to $payload/"
rm -rf "$payload"
dotnet publish tools/Spatial.GpuCheck -c Release -r linux-x64 --self-contained -o "$payload" -nologo -v quiet

bytes=$(du -sb "$payload" | cut -f1)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
if [ "$bytes" -gt "$max_bytes" ]; then
  echo "gpu-check: payload is $mib MiB ($bytes bytes), over the 60 MiB limit: it would not travel to the GPU machine" >&2
  exit 1
fi
echo "gpu-check: payload $payload/ is $mib MiB ($bytes bytes), limit 60 MiB"

if [ "$mode" = "local" ]; then
  exec "$executable" --local
fi

# The trimmed payload must still run every kernel on ILGPU's CPU accelerator and compile every kernel to PTX:
# parity in full, throughput skipped (budget of 1 s).
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$executable" --local --budget 1 >"$log" 2>&1; then
  cat "$log" >&2
  echo "gpu-check: the published payload failed its CPU run; it is not ready for the GPU machine" >&2
  exit 1
fi
passed=$(grep -cE '^(ptx|parity|forward) .*result=pass$' "$log")
echo "gpu-check: payload proven on this CPU: $passed checks passed; $(grep '^summary ' "$log")"

if ! git check-ignore -q "$payload/"; then
  echo "gpu-check: $payload/ is not git-ignored; it must travel as an ignored path" >&2
  exit 1
fi
cat <<EOF
gpu-check: ready. On the GPU machine, with the repository and the git-ignored path $payload/ carried along
gpu-check: (one path, $mib MiB; nothing else is needed there but the NVIDIA driver), run from the repository root:

    $gpu_command

gpu-check: time limit $limit_s s (about a minute on an H200; throughput stops at $budget_s s). Exit 0: every parity check
gpu-check: passed; 1: a check failed (see its 'result=fail' or 'error' line); 3: no usable CUDA device found;
gpu-check: 124: the time limit was reached (the lines printed until then stand).
EOF
