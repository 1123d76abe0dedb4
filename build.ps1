# Bootstrap for the Spatial pipeline, in NUKE's shape: find or install a fitting .NET SDK, build the
# build project quietly when its sources changed, then run it with every argument passed through.
[CmdletBinding()]
Param(
    [Parameter(Position = 0, Mandatory = $false, ValueFromRemainingArguments = $true)]
    [string[]]$BuildArguments
)

Set-StrictMode -Version 2.0; $ErrorActionPreference = "Stop"; $ConfirmPreference = "None"
trap { Write-Error $_ -ErrorAction Continue; exit 1 }
$PSScriptRoot = Split-Path $MyInvocation.MyCommand.Path -Parent

$BuildProjectFile = "$PSScriptRoot\build\_build.csproj"
$BuildAssembly = "$PSScriptRoot\build\bin\Debug\net10.0\_build.dll"
$TempDirectory = "$PSScriptRoot\.nuke\temp"
$BuildStamp = "$TempDirectory\build-project.stamp"
$DotNetGlobalFile = "$PSScriptRoot\global.json"
$DotNetInstallUrl = "https://dot.net/v1/dotnet-install.ps1"

$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1
$env:DOTNET_MULTILEVEL_LOOKUP = 0
$env:NUKE_TELEMETRY_OPTOUT = 1

function ExecSafe([scriptblock] $cmd) {
    & $cmd
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
}

# `dotnet --version` applies global.json itself and fails when no installed SDK fits it.
$DotNetOnPath = $null -ne (Get-Command "dotnet" -ErrorAction SilentlyContinue)
$Fits = $false
if ($DotNetOnPath) {
    Push-Location $PSScriptRoot
    & dotnet --version *> $null
    $Fits = $LASTEXITCODE -eq 0
    Pop-Location
}
if ($Fits) {
    $env:DOTNET_EXE = (Get-Command "dotnet").Path
}
else {
    $DotNetDirectory = "$TempDirectory\dotnet-win"
    $env:DOTNET_EXE = "$DotNetDirectory\dotnet.exe"
    if (!(Test-Path $env:DOTNET_EXE)) {
        Write-Output "No .NET SDK on PATH fits global.json; installing one into $DotNetDirectory"
        New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
        [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
        $DotNetInstallFile = "$TempDirectory\dotnet-install.ps1"
        (New-Object System.Net.WebClient).DownloadFile($DotNetInstallUrl, $DotNetInstallFile)
        $DotNetVersion = $(Get-Content $DotNetGlobalFile | Out-String | ConvertFrom-Json).sdk.version
        ExecSafe { & powershell $DotNetInstallFile -InstallDir $DotNetDirectory -Version $DotNetVersion -NoPath }
    }
    $env:DOTNET_ROOT = $DotNetDirectory
    $env:PATH = "$DotNetDirectory;$env:PATH"
}

# Warm invocations rebuild nothing: build only when an input is newer than the last successful build.
function NeedsBuild {
    if (!(Test-Path $BuildAssembly) -or !(Test-Path $BuildStamp)) { return $true }
    $stamp = (Get-Item $BuildStamp).LastWriteTimeUtc
    $inputs = Get-ChildItem -Path "$PSScriptRoot\build", "$PSScriptRoot\source" -Recurse -File -Include *.cs, *.csproj, *.json, *.props, *.targets |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $inputs += Get-ChildItem -Path $PSScriptRoot -File -Include global.json, Directory.*.props
    return $null -ne ($inputs | Where-Object { $_.LastWriteTimeUtc -gt $stamp } | Select-Object -First 1)
}

if (NeedsBuild) {
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    # Quiet on success; the compiler's messages only when the build project fails to build.
    $BuildLog = & $env:DOTNET_EXE build $BuildProjectFile /nodeReuse:false -nologo -clp:NoSummary --verbosity quiet 2>&1
    if ($LASTEXITCODE) { $BuildLog | Write-Output; exit $LASTEXITCODE }
    New-Item -ItemType File -Path $BuildStamp -Force | Out-Null
}

# Same as `dotnet run --no-build`, without MSBuild evaluating the project again.
ExecSafe { & $env:DOTNET_EXE $BuildAssembly $BuildArguments }
