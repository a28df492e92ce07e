<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>Wrote %Ln photos to %1.</source>
        <translation>
            <numerusform>Wrote %Ln photo to %1.</numerusform>
            <numerusform>Wrote %Ln photos to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln photos to %1; %2.</source>
        <translation>
            <numerusform>Wrote %Ln photo to %1; %2.</numerusform>
            <numerusform>Wrote %Ln photos to %1; %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Only the %Ln selected photos</source>
        <translation>
            <numerusform>Only the %Ln selected photo</numerusform>
            <numerusform>Only the %Ln selected photos</numerusform>
        </translation>
    </message>
</context>
</TS>
