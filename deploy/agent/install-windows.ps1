<#
.SYNOPSIS
    Installs the CounterApp reader agent on a Windows counter PC as a logon task of the clerk's account.

.DESCRIPTION
    Copies the published agent (dotnet publish src/CounterApp.ReaderAgent -r win-x64 -c Release) to Program Files,
    enrols it once with the administrator's one-time code, and registers a scheduled task that starts it, without
    a window, whenever the counter account signs in (and restarts it if it stops). The credential lives in
    %ProgramData%\CounterApp\ReaderAgent\state, readable only by that account, SYSTEM and Administrators.
    Needs the .NET 10 runtime and an elevated PowerShell.

.EXAMPLE
    .\install-windows.ps1 -Server wss://townhall.example/agents/connect -EnrolmentCode 7K3M-Q9XD-2HVA-TR4B-8NWC -User TOWNHALL\counter2

.EXAMPLE
    .\install-windows.ps1 -Uninstall
#>
[CmdletBinding(DefaultParameterSetName = 'Install')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Install')]
    [ValidatePattern('^wss://')]
    [string] $Server,

    # The one-time code from the administrator; leave out to keep an existing enrolment (reinstall, upgrade).
    [Parameter(ParameterSetName = 'Install')]
    [string] $EnrolmentCode,

    # The account the counter clerk signs in with; the agent runs in that session.
    [Parameter(ParameterSetName = 'Install')]
    [string] $User = "$env:USERDOMAIN\$env:USERNAME",

    # The folder holding the published agent; by default the one this script is in.
    [Parameter(ParameterSetName = 'Install')]
    [string] $Source = $PSScriptRoot,

    [Parameter(Mandatory, ParameterSetName = 'Uninstall')]
    [switch] $Uninstall
)

$ErrorActionPreference = 'Stop'
$TaskName = 'CounterApp Reader Agent'
$TaskPath = '\CounterApp\'
$InstallDir = Join-Path $env:ProgramFiles 'CounterApp\ReaderAgent'
$StateDir = Join-Path $env:ProgramData 'CounterApp\ReaderAgent\state'
$Exe = Join-Path $InstallDir 'CounterApp.ReaderAgent.exe'

$principal = [Security.Principal.WindowsPrincipal] [Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

function Stop-Agent {
    $task = Get-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
    if ($task) {
        Stop-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
        Get-Process -Name 'CounterApp.ReaderAgent' -ErrorAction SilentlyContinue | Stop-Process -Force
    }
}

if ($Uninstall) {
    Stop-Agent
    Unregister-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $InstallDir -ErrorAction SilentlyContinue
    Write-Host "Removed the task and $InstallDir. The credential in $StateDir is kept; delete it and revoke the agent on the server to retire this PC."
    return
}

if (-not (Test-Path (Join-Path $Source 'CounterApp.ReaderAgent.exe'))) {
    throw "No CounterApp.ReaderAgent.exe in $Source; pass -Source <folder of dotnet publish -r win-x64>."
}

# 1. Program files.
Stop-Agent
New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
Copy-Item -Path (Join-Path $Source '*') -Destination $InstallDir -Recurse -Force -Exclude '*.ps1'

# 2. The state folder: the clerk's account, SYSTEM and Administrators only (the private key is in it).
New-Item -ItemType Directory -Force -Path $StateDir | Out-Null
& icacls.exe $StateDir /inheritance:r /grant:r "${User}:(OI)(CI)F" '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $StateDir." }

# 3. Enrolment, once (the agent makes its own key; the code only introduces it to the server).
if ($EnrolmentCode) {
    $out = New-TemporaryFile
    $err = New-TemporaryFile
    try {
        $enrol = Start-Process -FilePath $Exe -ArgumentList @('enrol', '--server', $Server, '--code', $EnrolmentCode, '--state', "`"$StateDir`"") `
            -NoNewWindow -Wait -PassThru -RedirectStandardOutput $out -RedirectStandardError $err
        Get-Content $out, $err | Write-Host
        if ($enrol.ExitCode -ne 0) { throw "Enrolment failed (exit $($enrol.ExitCode)); ask the administrator for a new code if it expired or was used." }
    }
    finally {
        Remove-Item $out, $err -ErrorAction SilentlyContinue
    }
}
elseif (-not (Test-Path (Join-Path $StateDir 'agent-key.pem'))) {
    throw 'This PC is not enrolled yet: pass -EnrolmentCode with the code from the administrator.'
}

# 4. The logon task: starts at the clerk's sign-in, no time limit, restarted if it stops.
$arguments = "--Agent:Server=$Server --Agent:StateDirectory=`"$StateDir`""
$action = New-ScheduledTaskAction -Execute $Exe -Argument $arguments -WorkingDirectory $InstallDir
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
$taskPrincipal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
$settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -MultipleInstances IgnoreNew
Register-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Action $action -Trigger $trigger -Principal $taskPrincipal `
    -Settings $settings -Description 'Relays this counter''s card readers to the CounterApp server.' -Force | Out-Null

if ("$env:USERDOMAIN\$env:USERNAME" -ieq $User) {
    Start-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath
}

Write-Host "Installed. The agent starts when $User signs in; its log is in the Windows event log (source .NET Runtime, warnings and errors)."
