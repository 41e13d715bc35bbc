; Inno Setup 6 script (UTF-8 with a BOM, which Inno Setup before 6.3 needs for the Chinese
; texts): LianXi's Windows installer (lianxi-setup-VERSION.exe) from the PyInstaller
; folder dist\lianxi. Build on Windows, after `pyinstaller installer\lianxi.spec` (steps in
; docs/installing.md):
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\lianxi.iss
;
; The installer writes only under the install folder and the Start menu. User data (the database,
; attachments, backups) lives in %LOCALAPPDATA%\LianXi, which this script never installs into
; nor deletes: it survives uninstall, reinstall and upgrade, and the program migrates it (after a
; backup) on its first start after an upgrade.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "联席 LianXi"
#define Root AddBackslash(SourcePath) + ".."
#define Bundle Root + "\dist\lianxi"

; The Simplified Chinese messages are not part of every Inno Setup release: copy
; ChineseSimplified.isl into Inno Setup's Languages folder first (docs/installing.md).
#if !FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #error Languages\ChineseSimplified.isl is missing from the Inno Setup folder; see docs/installing.md
#endif
#if !FileExists(Bundle + "\lianxi.exe")
  #error dist\lianxi\lianxi.exe not found: build it first with pyinstaller installer\lianxi.spec
#endif

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{6F1B3C52-8A4E-4C1D-9B27-3E5A0D7C4F18}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=LianXi
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\LianXi
DefaultGroupName=联席
DisableProgramGroupPage=yes
; Per-machine by default (an IT person installs once for every clerk of the PC); an office
; without administrator rights can choose "only for me", which installs under the user profile.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
; PySide6 6.9 needs 64-bit Windows 10 or later.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Root}\resources\icons\lianxi.ico
UninstallDisplayIcon={app}\lianxi.exe
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=lianxi-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade over a running LianXi: ask to close it rather than replace files in use.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder: no module of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\联席"; Filename: "{app}\lianxi.exe"; Comment: "政府与工会联席会议工作系统"
Name: "{autoprograms}\联席 命令行"; Filename: "{cmd}"; Parameters: "/k ""{app}\lianxi-cli.exe"" --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\lianxi.exe"; Comment: "lianxi-cli: 联席的命令行（输出显示在此窗口）"
Name: "{autodesktop}\联席"; Filename: "{app}\lianxi.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\lianxi.exe"; Description: "{cm:LaunchProgram,联席}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left in its own folder; never {localappdata}\LianXi.
Type: filesandordirs; Name: "{app}\_internal"
