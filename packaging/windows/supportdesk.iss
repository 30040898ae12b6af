; SupportDesk — Windows installer script for Inno Setup 6.3 or later.
;
; Build with packaging/build_bundle.py --installer, which passes the version of
; supportdesk/__init__.py, or by hand after the bundle is built:
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\SupportDesk packaging\windows\supportdesk.iss
;
; Per-user install without administrator rights: counter PCs are often locked down, and the
; provincial team must be able to install from a USB stick with a normal account.

#ifndef AppVersion
  #error AppVersion is required: iscc /DAppVersion=x.y.z (packaging/build_bundle.py passes it)
#endif
#ifndef FileVersion
  ; Windows version resources take numbers only (a "0.2.0rc1" would not compile here).
  #define FileVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\SupportDesk"
#endif
#define AppName "SupportDesk"
#define AppExe "SupportDesk.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{2DD1F1BD-B3AE-46DE-B954-4FC3176BFE54}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
; With PrivilegesRequired=lowest, {autopf} is %LOCALAPPDATA%\Programs: no admin rights needed.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=yes
ShowLanguageDialog=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later.
MinVersion=10.0.17763
WizardStyle=modern
SetupIconFile=..\..\resources\icons\supportdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
; An open SupportDesk is closed through the Restart Manager before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
; Vietnamese first: it is chosen when Windows' language is neither Vietnamese nor English.
; Inno Setup ships no official Vietnamese translation, so ours (Vietnamese.isl, beside this
; script) overrides the English defaults message by message.
Name: "vietnamese"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vietnamese.AppComment=Ghi nhận yêu cầu hỗ trợ, tra cứu và in thủ tục hành chính
english.AppComment=Log support requests, look up and print administrative procedures
vietnamese.DataKept=Dữ liệu của SupportDesk (yêu cầu hỗ trợ, danh bạ, cài đặt) vẫn được giữ lại tại:%n%n%1%n%nNếu cài lại, SupportDesk sẽ dùng tiếp dữ liệu này. Muốn xoá hẳn, hãy sao lưu rồi tự xoá thư mục trên.
english.DataKept=SupportDesk's data (support requests, contacts, settings) was kept in:%n%n%1%n%nA new installation will use it again. To remove it for good, back it up and delete that folder yourself.
vietnamese.DirIsDataDir=Không thể cài chương trình vào thư mục dữ liệu của SupportDesk:%n%n%1%n%nHãy chọn một thư mục khác.
english.DirIsDataDir=The program cannot be installed in SupportDesk's data folder:%n%n%1%n%nPlease choose another folder.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole runtime: a library left over from an older version could be
; loaded instead of the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the data lives in %LOCALAPPDATA%\SupportDesk and is never touched.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
// Where supportdesk/paths.py keeps the data on Windows (platformdirs' user data dir).
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

function SamePathOrInside(const Path, Folder: String): Boolean;
var
  P, F: String;
begin
  P := Lowercase(AddBackslash(Path));
  F := Lowercase(AddBackslash(Folder));
  Result := Copy(P, 1, Length(F)) = F;
end;

// Installing into the data folder (or the data folder into the program folder) would let an
// upgrade or the uninstaller reach the data.
function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and
     (SamePathOrInside(WizardDirValue, DataDir()) or SamePathOrInside(DataDir(), WizardDirValue)) then
  begin
    MsgBox(FmtMessage(CustomMessage('DirIsDataDir'), [DataDir()]), mbError, MB_OK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir()]), mbInformation, MB_OK);
end;
