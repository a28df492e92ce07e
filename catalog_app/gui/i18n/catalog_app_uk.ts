<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>ExportController</name>
    <message>
        <source>The key %1 is protected by a passphrase: type it beside the key in the export dialog.</source>
        <translation>Ключ %1 захищено парольною фразою: введіть її поруч із ключем у вікні експорту.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Підготовка до експорту…</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} photos exported</source>
        <translation>Експортовано фотографій: {done:,} з {total:,}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>The export stopped</source>
        <translation>Експорт зупинився</translation>
    </message>
    <message>
        <source>An export is already running; wait for it to end.</source>
        <translation>Експорт уже триває; дочекайтеся його завершення.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Експорт у %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln photos to %1.</source>
        <translation>
            <numerusform>Записано %Ln фотографію в %1.</numerusform>
            <numerusform>Записано %Ln фотографії в %1.</numerusform>
            <numerusform>Записано %Ln фотографій в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln photos to %1; %2.</source>
        <translation>
            <numerusform>Записано %Ln фотографію в %1; %2.</numerusform>
            <numerusform>Записано %Ln фотографії в %1; %2.</numerusform>
            <numerusform>Записано %Ln фотографій в %1; %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the photos made so far (%1) are kept in %2; export again to the same folder to finish.</source>
        <translation>Скасовано: уже створені фотографії (%1) збережено в %2; щоб завершити, експортуйте ще раз у ту саму теку.</translation>
    </message>
    <message>
        <source>The gallery is in %1. Photos: %2 (unchanged since the last export: %3). Open index.html in a browser.</source>
        <translation>Галерея в %1. Фотографій: %2 (не змінилися від попереднього експорту: %3). Відкрийте index.html у браузері.</translation>
    </message>
    <message>
        <source>Signed: SHA256SUMS.sig, key fingerprint %1.</source>
        <translation>Підписано: SHA256SUMS.sig, відбиток ключа %1.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Не ввійшли: %1.</translation>
    </message>
    <message>
        <source>Could not be exported:</source>
        <translation>Не вдалося експортувати:</translation>
    </message>
    <message>
        <source>photo %1: %2</source>
        <translation>фотографія %1: %2</translation>
    </message>
    <message>
        <source>Cancelled: the folder %1 holds an incomplete package; delete it and export again.</source>
        <translation>Скасовано: у теці %1 неповний пакет; видаліть її та експортуйте ще раз.</translation>
    </message>
    <message>
        <source>The evidence package is in %1. Originals: %2. Check it with `sha256sum -c SHA256SUMS` inside the folder.</source>
        <translation>Пакет доказів у %1. Оригіналів: %2. Перевірте його командою `sha256sum -c SHA256SUMS` у цій теці.</translation>
    </message>
    <message>
        <source>%1 (listed by hash in withheld.csv).</source>
        <translation>%1 (перелічено за хешем у withheld.csv).</translation>
    </message>
    <message>
        <source>Redacted copies in redacted/: %1 (tied to the originals in redacted/manifest.json).</source>
        <translation>Копій із приховуванням у redacted/: %1 (пов’язані з оригіналами в redacted/manifest.json).</translation>
    </message>
    <message>
        <source>Also as %1.</source>
        <translation>Також як %1.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Gallery to publish (safe: no locations, no camera data, no restricted photos)</source>
        <translation>Галерея для оприлюднення (безпечно: без координат, без даних камери, без фотографій з обмеженим доступом)</translation>
    </message>
    <message>
        <source>Evidence package for investigators (originals, hashes, manifest, custody record)</source>
        <translation>Пакет доказів для документаторів (оригінали, хеші, маніфест, журнал ланцюга зберігання)</translation>
    </message>
    <message>
        <source>Incidents to export</source>
        <translation>Інциденти для експорту</translation>
    </message>
    <message numerus="yes">
        <source>Only the %Ln selected photos</source>
        <translation>
            <numerusform>Лише %Ln вибрана фотографія</numerusform>
            <numerusform>Лише %Ln вибрані фотографії</numerusform>
            <numerusform>Лише %Ln вибраних фотографій</numerusform>
        </translation>
    </message>
    <message>
        <source>Also photos not tagged to an incident</source>
        <translation>Також фотографії, не прив’язані до інциденту</translation>
    </message>
    <message>
        <source>Only photos taken from</source>
        <translation>Лише фотографії, зняті від</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Documented incidents (in the gallery&apos;s language)</source>
        <translation>Задокументовані інциденти (мовою галереї)</translation>
    </message>
    <message>
        <source>e.g. the team&apos;s or organisation&apos;s name</source>
        <translation>напр., назва команди чи організації</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пкс</translation>
    </message>
    <message>
        <source>Keep GPS positions in the published photos and pages</source>
        <translation>Залишити GPS-координати в оприлюднених фотографіях і на сторінках</translation>
    </message>
    <message>
        <source>Off by default: a position can endanger people and sites. Turn it on only on purpose.</source>
        <translation>Типово вимкнено: координати можуть наражати на небезпеку людей і місця. Вмикайте лише свідомо.</translation>
    </message>
    <message>
        <source>Also make a .zip of the package</source>
        <translation>Також створити .zip пакета</translation>
    </message>
    <message>
        <source>Include restricted photos (recorded in the custody log)</source>
        <translation>Долучити фотографії з обмеженим доступом (записується в журнал ланцюга зберігання)</translation>
    </message>
    <message>
        <source>Also redacted copies (redacted/: full-size copies of the photos with redaction regions, regions hidden)</source>
        <translation>Також копії з приховуванням (redacted/: повнорозмірні копії фотографій із ділянками приховування, ділянки приховано)</translation>
    </message>
    <message>
        <source>The originals stay untouched in originals/; redacted/manifest.json ties each copy to its original.</source>
        <translation>Оригінали в originals/ не змінюються; redacted/manifest.json пов’язує кожну копію з її оригіналом.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Автор фото</translation>
    </message>
    <message>
        <source>Longest side</source>
        <translation>Довша сторона</translation>
    </message>
    <message>
        <source>optional: an Ed25519 key (catalog-app keygen), kept outside the catalogue</source>
        <translation>необов’язково: ключ Ed25519 (catalog-app keygen), що зберігається поза каталогом</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Ключ підпису</translation>
    </message>
    <message>
        <source>Key…</source>
        <translation>Ключ…</translation>
    </message>
    <message>
        <source>Signing key&apos;s passphrase</source>
        <translation>Парольна фраза ключа підпису</translation>
    </message>
    <message>
        <source>Sign with</source>
        <translation>Підписати ключем</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Language of the export</source>
        <translation>Мова експорту</translation>
    </message>
    <message>
        <source>Language of the pages or README</source>
        <translation>Мова сторінок або README</translation>
    </message>
    <message>
        <source>an empty folder (or an earlier gallery, to update it)</source>
        <translation>порожня тека (або попередня галерея, щоб її оновити)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Інциденти</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Експортувати в</translation>
    </message>
    <message>
        <source>Choose a folder for the export</source>
        <translation>Виберіть теку для експорту</translation>
    </message>
    <message>
        <source>Choose the signing key</source>
        <translation>Виберіть ключ підпису</translation>
    </message>
    <message>
        <source>not needed: the key you sign with</source>
        <translation>не потрібна: це ключ, яким ви підписуєте</translation>
    </message>
    <message>
        <source>if the key is protected</source>
        <translation>якщо ключ захищено</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>Виберіть теку для експорту.</translation>
    </message>
    <message>
        <source>Tick at least one incident, or the untagged photos.</source>
        <translation>Позначте принаймні один інцидент або неприв’язані фотографії.</translation>
    </message>
</context>
</TS>
