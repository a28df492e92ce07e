<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BrowseController</name>
    <message numerus="yes">
        <source>%Ln failed imports</source>
        <translation>
            <numerusform>%Ln failed import</numerusform>
            <numerusform>%Ln failed imports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open duplicate groups</source>
        <translation>
            <numerusform>%Ln open duplicate group</numerusform>
            <numerusform>%Ln open duplicate groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
</context>
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
    <name>DuplicatesController</name>
    <message numerus="yes">
        <source>Keep the suggested keeper of %Ln groups?</source>
        <translation>
            <numerusform>Keep the suggested keeper of %Ln group?</numerusform>
            <numerusform>Keep the suggested keeper of %Ln groups?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos will be marked as duplicates and hidden from the grid (each can be unmarked later).</source>
        <translation>
            <numerusform>%Ln photo will be marked as a duplicate and hidden from the grid (it can be unmarked later).</numerusform>
            <numerusform>%Ln photos will be marked as duplicates and hidden from the grid (each can be unmarked later).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted the suggested keeper of %Ln groups.</source>
        <translation>
            <numerusform>Accepted the suggested keeper of %Ln group.</numerusform>
            <numerusform>Accepted the suggested keeper of %Ln groups.</numerusform>
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
<context>
    <name>FacesController</name>
    <message numerus="yes">
        <source>%Ln photos scanned (stopped early).</source>
        <translation>
            <numerusform>%Ln photo scanned (stopped early).</numerusform>
            <numerusform>%Ln photos scanned (stopped early).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos scanned.</source>
        <translation>
            <numerusform>%Ln photo scanned.</numerusform>
            <numerusform>%Ln photos scanned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridOrder</name>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln new</numerusform>
            <numerusform>%Ln new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already here</source>
        <translation>
            <numerusform>%Ln already here</numerusform>
            <numerusform>%Ln already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln files</source>
        <translation>
            <numerusform>%1 of %Ln file</numerusform>
            <numerusform>%1 of %Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln imported</numerusform>
            <numerusform>%Ln imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the catalogue</source>
        <translation>
            <numerusform>%Ln already in the catalogue</numerusform>
            <numerusform>%Ln already in the catalogue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
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
    <name>MapController</name>
    <message numerus="yes">
        <source>%Ln photos keep their camera&apos;s GPS position.</source>
        <translation>
            <numerusform>%Ln photo keeps its camera&apos;s GPS position.</numerusform>
            <numerusform>%Ln photos keep their camera&apos;s GPS position.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>place %Ln photos on the map</source>
        <translation>
            <numerusform>place %Ln photo on the map</numerusform>
            <numerusform>place %Ln photos on the map</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos placed by hand at %1, %2.</source>
        <translation>
            <numerusform>%Ln photo placed by hand at %1, %2.</numerusform>
            <numerusform>%Ln photos placed by hand at %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln photos back where they were.</source>
        <translation>
            <numerusform>Undone: %Ln photo back where it was.</numerusform>
            <numerusform>Undone: %Ln photos back where they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Track %1: %2 of %Ln photos without a position would be placed (preview; Apply track records them).</source>
        <translation>
            <numerusform>Track %1: %2 of %Ln photo without a position would be placed (preview; Apply track records it).</numerusform>
            <numerusform>Track %1: %2 of %Ln photos without a position would be placed (preview; Apply track records them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos placed from track %1.</source>
        <translation>
            <numerusform>%Ln photo placed from track %1.</numerusform>
            <numerusform>%Ln photos placed from track %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message numerus="yes">
        <source>%Ln on the map</source>
        <translation>
            <numerusform>%Ln on the map</numerusform>
            <numerusform>%Ln on the map</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a position</source>
        <translation>
            <numerusform>%Ln without a position</numerusform>
            <numerusform>%Ln without a position</numerusform>
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
<context>
    <name>SigningController</name>
    <message numerus="yes">
        <source>%Ln heads stay queued for the next time.</source>
        <translation>
            <numerusform>%Ln head stays queued for the next time.</numerusform>
            <numerusform>%Ln heads stay queued for the next time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message numerus="yes">
        <source>%Ln untagged photos could be tagged. Untick any you do not accept.</source>
        <translation>
            <numerusform>%Ln untagged photo could be tagged. Untick it if you do not accept it.</numerusform>
            <numerusform>%Ln untagged photos could be tagged. Untick any you do not accept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message numerus="yes">
        <source>untag %Ln photos</source>
        <translation>
            <numerusform>untag %Ln photo</numerusform>
            <numerusform>untag %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %Ln photos</source>
        <translation>
            <numerusform>tag %Ln photo</numerusform>
            <numerusform>tag %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>template caption of %Ln photos</source>
        <translation>
            <numerusform>template caption of %Ln photo</numerusform>
            <numerusform>template caption of %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos tagged to %1.</source>
        <translation>
            <numerusform>%Ln photo tagged to %1.</numerusform>
            <numerusform>%Ln photos tagged to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos untagged.</source>
        <translation>
            <numerusform>%Ln photo untagged.</numerusform>
            <numerusform>%Ln photos untagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln photos back in their earlier incident.</source>
        <translation>
            <numerusform>Undone: %Ln photo back in its earlier incident.</numerusform>
            <numerusform>Undone: %Ln photos back in their earlier incident.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keywords changed on %Ln photos.</source>
        <translation>
            <numerusform>Keywords changed on %Ln photo.</numerusform>
            <numerusform>Keywords changed on %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graphic on for %Ln photos.</source>
        <translation>
            <numerusform>Graphic on for %Ln photo.</numerusform>
            <numerusform>Graphic on for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graphic off for %Ln photos.</source>
        <translation>
            <numerusform>Graphic off for %Ln photo.</numerusform>
            <numerusform>Graphic off for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restricted on for %Ln photos.</source>
        <translation>
            <numerusform>Restricted on for %Ln photo.</numerusform>
            <numerusform>Restricted on for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restricted off for %Ln photos.</source>
        <translation>
            <numerusform>Restricted off for %Ln photo.</numerusform>
            <numerusform>Restricted off for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Caption needs review on for %Ln photos.</source>
        <translation>
            <numerusform>Caption needs review on for %Ln photo.</numerusform>
            <numerusform>Caption needs review on for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Caption needs review off for %Ln photos.</source>
        <translation>
            <numerusform>Caption needs review off for %Ln photo.</numerusform>
            <numerusform>Caption needs review off for %Ln photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive %1? Its %Ln photos stay tagged to it; it leaves the sidebar and the incident lists until it is restored (Edit &gt; Undo restores it now).</source>
        <translation>
            <numerusform>Archive %1? Its %Ln photo stays tagged to it; it leaves the sidebar and the incident lists until it is restored (Edit &gt; Undo restores it now).</numerusform>
            <numerusform>Archive %1? Its %Ln photos stay tagged to it; it leaves the sidebar and the incident lists until it is restored (Edit &gt; Undo restores it now).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 merged into %2: %Ln photos moved.</source>
        <translation>
            <numerusform>%1 merged into %2: %Ln photo moved.</numerusform>
            <numerusform>%1 merged into %2: %Ln photos moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Incident %1 deleted; %Ln photos untagged.</source>
        <translation>
            <numerusform>Incident %1 deleted; %Ln photo untagged.</numerusform>
            <numerusform>Incident %1 deleted; %Ln photos untagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln photos. Untag them and delete the incident? The photos stay in the catalogue, and the incident&apos;s text stays in the custody log.</source>
        <translation>
            <numerusform>%1 has %Ln photo. Untag it and delete the incident? The photo stays in the catalogue, and the incident&apos;s text stays in the custody log.</numerusform>
            <numerusform>%1 has %Ln photos. Untag them and delete the incident? The photos stay in the catalogue, and the incident&apos;s text stays in the custody log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Incident %1 saved (%Ln fields changed).</source>
        <translation>
            <numerusform>Incident %1 saved (%Ln field changed).</numerusform>
            <numerusform>Incident %1 saved (%Ln fields changed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag the %Ln selected photos to:</source>
        <translation>
            <numerusform>Tag the %Ln selected photo to:</numerusform>
            <numerusform>Tag the %Ln selected photos to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Caption for the %Ln selected photos:</source>
        <translation>
            <numerusform>Caption for the %Ln selected photo:</numerusform>
            <numerusform>Caption for the %Ln selected photos:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln captions written from the template and marked for review.</source>
        <translation>
            <numerusform>%Ln caption written from the template and marked for review.</numerusform>
            <numerusform>%Ln captions written from the template and marked for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln captions put back as before the template.</source>
        <translation>
            <numerusform>Undone: %Ln caption put back as before the template.</numerusform>
            <numerusform>Undone: %Ln captions put back as before the template.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redone: %Ln captions written from the template.</source>
        <translation>
            <numerusform>Redone: %Ln caption written from the template.</numerusform>
            <numerusform>Redone: %Ln captions written from the template.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos tagged to their suggested incidents.</source>
        <translation>
            <numerusform>%Ln photo tagged to its suggested incident.</numerusform>
            <numerusform>%Ln photos tagged to their suggested incidents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyController</name>
    <message numerus="yes">
        <source>Stopped after %Ln originals; nothing was recorded. Verify again to check them all.</source>
        <translation>
            <numerusform>Stopped after %Ln original; nothing was recorded. Verify again to check them all.</numerusform>
            <numerusform>Stopped after %Ln originals; nothing was recorded. Verify again to check them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problems found. The report, as catalog-app verify prints it:</source>
        <translation>
            <numerusform>%Ln problem found. The report, as catalog-app verify prints it:</numerusform>
            <numerusform>%Ln problems found. The report, as catalog-app verify prints it:</numerusform>
        </translation>
    </message>
</context>
</TS>
