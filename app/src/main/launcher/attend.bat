@echo off
rem Attend launcher for Windows. No subcommand: the desktop app. Otherwise the command-line interface.
set APP_HOME=%~dp0..
if defined JAVA_HOME (set JAVA="%JAVA_HOME%\bin\java") else (set JAVA=java)
rem -Xmx first, so an -Xmx in ATTEND_OPTS wins (docs/reliability.md)
%JAVA% -Xms32m -Xmx256m -XX:+UseSerialGC -XX:MaxNewSize=32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 %ATTEND_OPTS% -Dai.djl.offline=true -Dattend.home="%APP_HOME%" -cp "%APP_HOME%\lib\*" dev.attend.app.Main %*
