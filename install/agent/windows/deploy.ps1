<#
.SYNOPSIS
  Installs the digiready agent on many PCs over PowerShell remoting and prints one result row per PC.
.EXAMPLE
  .\deploy.ps1 -Computers pcs.txt -CollectorUrl https://collector.tinh.gov.vn:8443 -EnrollmentToken <token>
.EXAMPLE
  .\deploy.ps1 -Computers PC-01,PC-02 -Uninstall -Credential (Get-Credential)
.NOTES
  -Computers is a list of names, or one file with a name per line (# starts a comment).
  Needs WinRM on the targets (Enable-PSRemoting, or the domain's GPO) and an administrator account
  on them. install.ps1 and digiready-agent.jar are taken from -SourceDir (default: this folder).
  Exit code 1 when any PC failed. NOT TESTED ON A REAL WINDOWS (see README.md).
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][string[]]$Computers,
  [string]$CollectorUrl,
  [string]$EnrollmentToken,
  [string]$Proxy,
  [string]$JavaHome,
  [switch]$Uninstall,
  [pscredential]$Credential,
  [string]$SourceDir = $PSScriptRoot
)
$ErrorActionPreference = 'Stop'

if ($Computers.Count -eq 1 -and (Test-Path -PathType Leaf $Computers[0])) {
  $Computers = Get-Content $Computers[0] | ForEach-Object { ($_ -replace '#.*$', '').Trim() } | Where-Object { $_ }
}
$installer = Join-Path $SourceDir 'install.ps1'
$jar = Join-Path $SourceDir 'digiready-agent.jar'
foreach ($file in @($installer, $jar)) {
  if (-not (Test-Path $file)) { throw "Missing $file" }
}

$params = @{}
if ($CollectorUrl) { $params.CollectorUrl = $CollectorUrl }
if ($EnrollmentToken) { $params.EnrollmentToken = $EnrollmentToken }
if ($Proxy) { $params.Proxy = $Proxy }
if ($JavaHome) { $params.JavaHome = $JavaHome }
if ($Uninstall) { $params.Uninstall = $true }

$remoteDir = 'C:\Windows\Temp\digiready-install'
$results = foreach ($computer in $Computers) {
  $started = Get-Date
  $session = $null
  try {
    $options = @{ ComputerName = $computer }
    if ($Credential) { $options.Credential = $Credential }
    $session = New-PSSession @options
    Invoke-Command -Session $session -ScriptBlock {
      param($dir) New-Item -ItemType Directory -Force -Path $dir | Out-Null
    } -ArgumentList $remoteDir
    Copy-Item -ToSession $session -Path $installer, $jar -Destination $remoteDir -Force
    $output = Invoke-Command -Session $session -ScriptBlock {
      param($dir, $p)
      # the target's execution policy may forbid scripts; this session only
      Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force
      try {
        & (Join-Path $dir 'install.ps1') -Jar (Join-Path $dir 'digiready-agent.jar') @p
      } finally {
        Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue
      }
    } -ArgumentList $remoteDir, $params
    [pscustomobject]@{ Computer = $computer; Result = 'OK'; Seconds = [int]((Get-Date) - $started).TotalSeconds; Detail = ($output | Select-Object -Last 1) }
  } catch {
    # the message is the remote error (never the token: install.ps1 does not print it)
    [pscustomobject]@{ Computer = $computer; Result = 'FAILED'; Seconds = [int]((Get-Date) - $started).TotalSeconds; Detail = $_.Exception.Message }
  } finally {
    if ($session) { Remove-PSSession $session }
  }
}

$results | Format-Table -AutoSize -Wrap
$failed = @($results | Where-Object { $_.Result -ne 'OK' }).Count
Write-Output "$($results.Count - $failed) of $($results.Count) PCs OK"
if ($failed -gt 0) { exit 1 }
