# Bootstrap for the Spatial pipeline, in NUKE's shape: find or install a fitting .NET SDK, build the
# build project quietly when its sources changed, then run it with every argument passed through.
# Runs under Windows PowerShell 5.1 and PowerShell 7 on any OS, and behaves as build.sh does.
# No param() block: every argument, -h included, goes to the build untouched.

Set-StrictMode -Version 2.0; $ErrorActionPreference = "Stop"; $ConfirmPreference = "None"
trap { Write-Error $_ -ErrorAction Continue; exit 1 }

$BuildArguments = $args
$RootDirectory = Split-Path -Parent $MyInvocation.MyCommand.Path
# Paths are joined, never written with a separator, so they are right on every OS.
$BuildProjectFile = Join-Path (Join-Path $RootDirectory "build") "_build.csproj"
$BuildAssembly = [IO.Path]::Combine($RootDirectory, "build", "bin", "Debug", "net10.0", "_build.dll")
$TempDirectory = [IO.Path]::Combine($RootDirectory, ".nuke", "temp")
$BuildStamp = Join-Path $TempDirectory "build-project.stamp"
$BuildLog = Join-Path $TempDirectory "build-project.log"
$DotNetGlobalFile = Join-Path $RootDirectory "global.json"
# Windows PowerShell 5.1 has no $IsWindows; the platform id answers on every edition.
$OnWindows = [Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT

$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1
$env:DOTNET_MULTILEVEL_LOOKUP = 0
$env:NUKE_TELEMETRY_OPTOUT = 1

# `dotnet --version` applies global.json itself and fails when no installed SDK fits it.
function Test-DotNetFits([string] $DotNet) {
    Push-Location $RootDirectory
    try { & $DotNet --version *> $null; return $LASTEXITCODE -eq 0 }
    catch { return $false }
    finally { Pop-Location }
}

$DotNetOnPath = Get-Command "dotnet" -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($null -ne $DotNetOnPath -and (Test-DotNetFits $DotNetOnPath.Path)) {
    $DotNetExe = $DotNetOnPath.Path
}
else {
    $DotNetDirectory = Join-Path $TempDirectory $(if ($OnWindows) { "dotnet-win" } else { "dotnet-unix" })
    $DotNetExe = Join-Path $DotNetDirectory $(if ($OnWindows) { "dotnet.exe" } else { "dotnet" })
    if (!(Test-Path $DotNetExe) -or !(Test-DotNetFits $DotNetExe)) {
        Write-Host "No .NET SDK on PATH fits global.json; installing one into $DotNetDirectory"
        New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
        [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
        $DotNetVersion = (Get-Content $DotNetGlobalFile -Raw | ConvertFrom-Json).sdk.version
        if ($OnWindows) {
            $InstallScript = Join-Path $TempDirectory "dotnet-install.ps1"
            (New-Object System.Net.WebClient).DownloadFile("https://dot.net/v1/dotnet-install.ps1", $InstallScript)
            & $InstallScript -InstallDir $DotNetDirectory -Version $DotNetVersion -NoPath
        }
        else {
            $InstallScript = Join-Path $TempDirectory "dotnet-install.sh"
            (New-Object System.Net.WebClient).DownloadFile("https://dot.net/v1/dotnet-install.sh", $InstallScript)
            & bash $InstallScript --install-dir $DotNetDirectory --version $DotNetVersion --no-path
            if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        }
    }
    $env:DOTNET_ROOT = $DotNetDirectory
    $env:PATH = $DotNetDirectory + [IO.Path]::PathSeparator + $env:PATH
}

# Warm invocations rebuild nothing: build only when an input is newer than the last successful build.
# bin/ and obj/ are pruned, not walked and filtered: they hold thousands of files.
function Test-NewerInput([string] $Directory, [datetime] $Stamp) {
    foreach ($File in [IO.Directory]::GetFiles($Directory)) {
        if ([IO.Path]::GetExtension($File) -in ".cs", ".csproj", ".json", ".props", ".targets" -and [IO.File]::GetLastWriteTimeUtc($File) -gt $Stamp) { return $true }
    }
    foreach ($Child in [IO.Directory]::GetDirectories($Directory)) {
        if ([IO.Path]::GetFileName($Child) -notin "bin", "obj" -and (Test-NewerInput $Child $Stamp)) { return $true }
    }
    return $false
}

function Test-NeedsBuild {
    if (!(Test-Path $BuildAssembly) -or !(Test-Path $BuildStamp)) { return $true }
    $Stamp = [IO.File]::GetLastWriteTimeUtc($BuildStamp)
    $RootInputs = @(Get-ChildItem -Path $RootDirectory -File | Where-Object { ($_.Name -eq "global.json" -or $_.Name -like "Directory.*.props") -and $_.LastWriteTimeUtc -gt $Stamp })
    return $RootInputs.Count -gt 0 -or (Test-NewerInput (Join-Path $RootDirectory "build") $Stamp) -or (Test-NewerInput (Join-Path $RootDirectory "source") $Stamp)
}

if (Test-NeedsBuild) {
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    # Quiet on success; the compiler's messages only when the build project fails to build.
    & $DotNetExe build $BuildProjectFile /nodeReuse:false -nologo -clp:NoSummary --verbosity quiet *> $BuildLog
    if ($LASTEXITCODE -ne 0) { Get-Content $BuildLog | Write-Host; exit $LASTEXITCODE }
    New-Item -ItemType File -Path $BuildStamp -Force | Out-Null
}

# Same as `dotnet run --no-build`, without MSBuild evaluating the project again.
& $DotNetExe $BuildAssembly @BuildArguments
exit $LASTEXITCODE
