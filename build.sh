#!/usr/bin/env bash
# Bootstrap for the Spatial pipeline, in NUKE's shape: find or install a fitting .NET SDK, build the
# build project quietly when its sources changed, then run it with every argument passed through.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
BUILD_ASSEMBLY="$SCRIPT_DIR/build/bin/Debug/net10.0/_build.dll"
TEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"
BUILD_STAMP="$TEMP_DIRECTORY/build-project.stamp"
DOTNET_GLOBAL_FILE="$SCRIPT_DIR/global.json"
DOTNET_INSTALL_URL="https://dot.net/v1/dotnet-install.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_MULTILEVEL_LOOKUP=0
export NUKE_TELEMETRY_OPTOUT=1

# `dotnet --version` applies global.json itself and fails when no installed SDK fits it.
if command -v dotnet >/dev/null 2>&1 && (cd "$SCRIPT_DIR" && dotnet --version >/dev/null 2>&1); then
  DOTNET_EXE="$(command -v dotnet)"
else
  DOTNET_DIRECTORY="$TEMP_DIRECTORY/dotnet-unix"
  DOTNET_EXE="$DOTNET_DIRECTORY/dotnet"
  if [[ ! -x "$DOTNET_EXE" ]] || ! (cd "$SCRIPT_DIR" && "$DOTNET_EXE" --version >/dev/null 2>&1); then
    echo "No .NET SDK on PATH fits global.json; installing one into $DOTNET_DIRECTORY" >&2
    mkdir -p "$TEMP_DIRECTORY"
    curl -fsSL "$DOTNET_INSTALL_URL" -o "$TEMP_DIRECTORY/dotnet-install.sh"
    chmod +x "$TEMP_DIRECTORY/dotnet-install.sh"
    DOTNET_VERSION=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$DOTNET_GLOBAL_FILE" | head -n 1)
    "$TEMP_DIRECTORY/dotnet-install.sh" --install-dir "$DOTNET_DIRECTORY" --version "$DOTNET_VERSION" --no-path
  fi
  export DOTNET_ROOT="$DOTNET_DIRECTORY"
  export PATH="$DOTNET_DIRECTORY:$PATH"
fi

# Warm invocations rebuild nothing: build only when an input is newer than the last successful build.
needs_build() {
  [[ -f "$BUILD_ASSEMBLY" && -f "$BUILD_STAMP" ]] || return 0
  [[ -n "$(find "$SCRIPT_DIR/build" "$SCRIPT_DIR/source" \( -name bin -o -name obj \) -prune -o \
      -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.targets' \) \
      -newer "$BUILD_STAMP" -print -quit)" ]] && return 0
  [[ -n "$(find "$SCRIPT_DIR/global.json" "$SCRIPT_DIR"/Directory.*.props -newer "$BUILD_STAMP" -print -quit)" ]]
}

if needs_build; then
  mkdir -p "$TEMP_DIRECTORY"
  # Quiet on success; the compiler's messages only when the build project fails to build.
  if ! "$DOTNET_EXE" build "$BUILD_PROJECT_FILE" /nodeReuse:false -nologo -clp:NoSummary --verbosity quiet >"$TEMP_DIRECTORY/build-project.log" 2>&1; then
    cat "$TEMP_DIRECTORY/build-project.log" >&2
    exit 1
  fi
  touch "$BUILD_STAMP"
fi

# Same as `dotnet run --no-build`, without MSBuild evaluating the project again.
exec "$DOTNET_EXE" "$BUILD_ASSEMBLY" "$@"
