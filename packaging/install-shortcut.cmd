@echo off
rem Adds popbill-gui to the Start menu for this Windows user: double-click it once, in the unpacked folder.
rem Run it again after moving the folder. To take the shortcut away: popbill-gui.exe --remove-shortcut
"%~dp0popbill-gui.exe" --install-shortcut
pause
