#!/usr/bin/env bash
# GPU check for the kernel library: builds, runs the Gpu test category (CUDA parity against the reference
# and the vectorised CPU path) and the kernel benchmark, then prints the parity and throughput lines.
# One command, under 5 minutes on a CUDA machine:  scripts/gpu-check.sh [benchmark seconds per backend, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-2}"

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv,noheader; then
  echo "gpu-check: no NVIDIA driver found (nvidia-smi missing or failing); run this on a CUDA machine" >&2
  exit 1
fi

dotnet build -c Release tests/Spatial.Kernels.Tests -nologo -v quiet
dotnet build -c Release benchmarks/Spatial.Kernels.Benchmarks -nologo -v quiet

log="$(mktemp)"
set +e
dotnet test -c Release --no-build tests/Spatial.Kernels.Tests --filter "TestCategory=Gpu" \
  --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "gpu-check: the Gpu test category failed" >&2
  exit "$status"
fi
if grep -Eq "Skipped: +[1-9]" "$log"; then
  echo "gpu-check: CUDA tests were skipped: ILGPU found no usable CUDA device" >&2
  exit 1
fi

dotnet benchmarks/Spatial.Kernels.Benchmarks/bin/Release/net10.0/Spatial.Kernels.Benchmarks.dll --seconds "$seconds" | tee "$log"
echo "--- summary ---"
grep -E "^(device|warmup|parity|preprocess|features)" "$log"
