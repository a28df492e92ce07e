<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DayHeader</name>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DescribePanel</name>
    <message numerus="yes">
        <source>keywords to add to all %Ln photos</source>
        <translation>
            <numerusform>keywords to add to the %Ln photo</numerusform>
            <numerusform>keywords to add to all %Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message numerus="yes">
        <source>%1 (%Ln bits)</source>
        <translation>
            <numerusform>%1 (%Ln bit)</numerusform>
            <numerusform>%1 (%Ln bits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%Ln photos selected</source>
        <translation>
            <numerusform>%Ln photo selected</numerusform>
            <numerusform>%Ln photos selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message numerus="yes">
        <source>%Ln entries match</source>
        <translation>
            <numerusform>%Ln entry matches</numerusform>
            <numerusform>%Ln entries match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries match; the newest %1 are shown</source>
        <translation>
            <numerusform>%Ln entry matches; the newest %1 are shown</numerusform>
            <numerusform>%Ln entries match; the newest %1 are shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message numerus="yes">
        <source>distance %Ln bits</source>
        <translation>
            <numerusform>distance %Ln bit</numerusform>
            <numerusform>distance %Ln bits</numerusform>
        </translation>
    </message>
</context>
</TS>
