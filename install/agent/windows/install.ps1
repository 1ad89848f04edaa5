<#
.SYNOPSIS
  Installs, upgrades or removes the digiready agent on one Windows PC. Silent and safe to repeat.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -CollectorUrl https://collector.tinh.gov.vn:8443 -EnrollmentToken <token>
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -CollectorUrl ... -EnrollmentToken ... -JavaMsi \\server\share\OpenJDK17U-jre_x64_windows_hotspot_17.0.13_11.msi
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -Uninstall [-KeepState]
.NOTES
  Program: C:\Program Files\digiready-agent; config and state: C:\ProgramData\digiready-agent
  (ACL: SYSTEM and Administrators only). The agent runs as a scheduled task at startup as SYSTEM
  (README.md says why). The jar is -Jar, else digiready-agent.jar beside this script.
  NOT TESTED ON A REAL WINDOWS (see README.md).
#>
[CmdletBinding()]
param(
  [string]$CollectorUrl,
  [string]$EnrollmentToken,
  [string]$Proxy,
  [string]$JavaHome,
  [string]$JavaMsi,
  [string]$Jar = (Join-Path $PSScriptRoot 'digiready-agent.jar'),
  [switch]$Uninstall,
  [switch]$KeepState
)
$ErrorActionPreference = 'Stop'

$ProgramDir = Join-Path $env:ProgramFiles 'digiready-agent'
$DataDir = Join-Path $env:ProgramData 'digiready-agent'
$Config = Join-Path $DataDir 'agent.properties'
$TaskName = 'digiready-agent'
$TaskPath = '\digiready\'

# The same JVM flags as the Linux launcher (install/agent/linux/digiready-agent, measured there);
# a test in e2e/InstallScriptsTest keeps the two lists equal. No AppCDS on Windows: Java 17 has
# no automatic archive and the task runs java.exe directly.
$JvmFlags = @(
  '-Xms4m', '-Xmx32m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:CICompilerCount=1',
  '-XX:CompileThresholdScaling=100',
  '-Xss256k',
  '-XX:ReservedCodeCacheSize=16m',
  '-XX:MaxMetaspaceSize=64m',
  '-XX:MinHeapFreeRatio=10', '-XX:MaxHeapFreeRatio=30',
  '-XX:-UsePerfData',
  '-XX:+ExitOnOutOfMemoryError',
  '-Xlog:disable', '-Xlog:all=error:stderr',
  '-Dfile.encoding=UTF-8'
)

# Windows PowerShell 5.1 turns a native program's stderr into a terminating error under 'Stop':
# java writes its version and the agent its messages to stderr, so those calls run under 'Continue'.
function Invoke-Native([scriptblock]$Block) {
  $saved = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try { & $Block } finally { $ErrorActionPreference = $saved }
}

function Stop-Agent {
  $task = Get-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
  if ($task) {
    Stop-ScheduledTask -InputObject $task -ErrorAction SilentlyContinue
  }
  # a java.exe left over from a stopped task still holds the jar open
  Get-CimInstance Win32_Process -Filter "Name = 'java.exe'" |
    Where-Object { $_.CommandLine -like '*digiready-agent.jar*' } |
    ForEach-Object { Stop-Process -Id $_.ProcessId -Force -ErrorAction SilentlyContinue }
}

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run install.ps1 as Administrator.'
}

if ($Uninstall) {
  Stop-Agent
  Unregister-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Confirm:$false -ErrorAction SilentlyContinue
  Remove-Item -Recurse -Force $ProgramDir -ErrorAction SilentlyContinue
  if (-not $KeepState) {
    Remove-Item -Recurse -Force $DataDir -ErrorAction SilentlyContinue
  }
  Write-Output 'digiready agent removed'
  exit 0
}

# Java 17 or newer, checked before anything is changed. With -JavaMsi, a site without Java installs
# the given JRE MSI silently first (Temurin 17 JRE: its MSI features set JAVA_HOME machine-wide).
function Find-Java {
  $found = $null
  if ($JavaHome) { $found = Join-Path $JavaHome 'bin\java.exe' }
  elseif ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME 'bin\java.exe'))) { $found = Join-Path $env:JAVA_HOME 'bin\java.exe' }
  else {
    $machineHome = [Environment]::GetEnvironmentVariable('JAVA_HOME', 'Machine')
    if ($machineHome -and (Test-Path (Join-Path $machineHome 'bin\java.exe'))) { $found = Join-Path $machineHome 'bin\java.exe' }
    else { $cmd = Get-Command java.exe -ErrorAction SilentlyContinue; if ($cmd) { $found = $cmd.Source } }
  }
  if (-not $found -or -not (Test-Path $found)) { return $null }
  $spec = (Invoke-Native { & $found -XshowSettings:properties -version 2>&1 } | Out-String) -split "`n" |
    Where-Object { $_ -match 'java\.specification\.version = ' } | Select-Object -First 1
  $major = 0
  if ($spec -match '= (1\.)?(\d+)') { $major = [int]$Matches[2] }
  if ($major -lt 17) { return $null }
  return $found
}
$javaHint = 'Install Java 17 or newer (e.g. Eclipse Temurin 17 JRE, or Microsoft Build of OpenJDK 17), pass -JavaHome, or pass -JavaMsi with a JRE MSI.'
$java = Find-Java
if (-not $java -and $JavaMsi -and -not $JavaHome) {
  if (-not (Test-Path $JavaMsi)) { throw "JRE MSI not found: $JavaMsi" }
  $msiLog = Join-Path $env:TEMP 'digiready-java-msi.log'
  # /quiet /norestart: no window, no reboot; the features: the runtime, PATH and JAVA_HOME
  $msi = Start-Process -FilePath msiexec.exe -Wait -PassThru -ArgumentList @(
    '/i', "`"$JavaMsi`"", 'ADDLOCAL=FeatureMain,FeatureEnvironment,FeatureJavaHome',
    '/quiet', '/norestart', '/l*v', "`"$msiLog`"")
  # 3010: installed, a reboot is wanted later (Java itself runs without it)
  if ($msi.ExitCode -ne 0 -and $msi.ExitCode -ne 3010) { throw "The JRE MSI failed (msiexec exit $($msi.ExitCode)); log: $msiLog" }
  $java = Find-Java
}
if (-not $java) { throw "Java 17 or newer not found. $javaHint" }
if (-not (Test-Path $Jar)) { throw "Agent jar not found: $Jar" }

if (-not (Test-Path $Config) -and (-not $CollectorUrl -or -not $EnrollmentToken)) {
  throw 'A first install needs -CollectorUrl and -EnrollmentToken.'
}

New-Item -ItemType Directory -Force -Path $ProgramDir, $DataDir, (Join-Path $DataDir 'tmp') | Out-Null
# SYSTEM (S-1-5-18) and Administrators (S-1-5-32-544) only, by SID: group names are localised.
& icacls.exe $DataDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' /T /Q | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $DataDir" }

# Keys the script manages are rewritten; any other key an administrator added is kept.
# Forward slashes: a properties file reads a backslash as an escape.
# The agent reads its config as UTF-8: read and write it as UTF-8 here too (Windows PowerShell 5.1
# reads a file without a BOM in the ANSI code page, which would garble a Vietnamese value on every
# upgrade), and without a BOM.
$utf8 = New-Object System.Text.UTF8Encoding($false)
$settings = [ordered]@{}
if (Test-Path $Config) {
  foreach ($line in Get-Content -Encoding UTF8 $Config) {
    if ($line -match '^\s*([A-Za-z]+)\s*[=:]\s*(.*)$') { $settings[$Matches[1]] = $Matches[2] }
  }
}
if ($CollectorUrl) { $settings['collectorUrl'] = $CollectorUrl }
if ($EnrollmentToken) { $settings['enrollmentToken'] = $EnrollmentToken }
if ($Proxy) { $settings['proxyUrl'] = $Proxy }
$settings['stateDir'] = $DataDir.Replace('\', '/')

$lines = @('# digiready agent, written by install.ps1; keys: agent/README.md')
foreach ($key in $settings.Keys) { $lines += "$key=$($settings[$key])" }
$newConfig = "$Config.new"
[IO.File]::WriteAllLines($newConfig, $lines, $utf8)

# The agent checks its own config (it names a bad key, never the token) before anything changes.
$jna = (Join-Path $DataDir 'tmp').Replace('\', '/')
$check = Invoke-Native {
  & $java -jar $Jar status --config $newConfig --state-dir (Join-Path $DataDir 'check') *> $null
  $LASTEXITCODE
}
Remove-Item -Recurse -Force (Join-Path $DataDir 'check') -ErrorAction SilentlyContinue
if ($check -ne 0) {
  Remove-Item -Force $newConfig
  throw "The agent rejected the configuration (exit $check): run '$java -jar $Jar status --config $Config' to see why."
}

Stop-Agent
# An upgrade may run the installed copy itself (C:\Program Files\digiready-agent\install.ps1):
# a file is never copied onto itself.
$jarPath = Join-Path $ProgramDir 'digiready-agent.jar'
$scriptPath = Join-Path $ProgramDir 'install.ps1'
if ((Resolve-Path $Jar).Path -ne $jarPath) { Copy-Item -Force $Jar $jarPath }
if ($PSCommandPath -ne $scriptPath) { Copy-Item -Force $PSCommandPath $scriptPath }
Move-Item -Force $newConfig $Config

$arguments = ($JvmFlags + @("-Djna.tmpdir=`"$jna`"", '-jar', "`"$jarPath`"", 'run', '--config', "`"$Config`"")) -join ' '
$action = New-ScheduledTaskAction -Execute $java -Argument $arguments -WorkingDirectory $DataDir
# At startup, one minute late so that WMI and the network are up; the repeating trigger is a
# watchdog: every 5 minutes it starts the agent again if it is not running (IgnoreNew).
$boot = New-ScheduledTaskTrigger -AtStartup
$boot.Delay = 'PT1M'
$watchdog = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1) -RepetitionInterval (New-TimeSpan -Minutes 5)
$settingsSet = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -ExecutionTimeLimit ([TimeSpan]::Zero) -MultipleInstances IgnoreNew -StartWhenAvailable `
  -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -DontStopOnIdleEnd
$system = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
Register-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Action $action -Trigger $boot, $watchdog `
  -Settings $settingsSet -Principal $system -Description 'digiready agent (inventory and connectivity reports)' -Force | Out-Null
Start-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath

Write-Output "digiready agent installed: $ProgramDir, config $Config (token not shown)"
