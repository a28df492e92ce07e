<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>CatalogueSession</name>
    <message>
        <source>The catalogue could not do that: %1</source>
        <translation>Каталог не зміг виконати цю дію: %1</translation>
    </message>
</context>
<context>
    <name>GridOrder</name>
    <message>
        <source>Capture time</source>
        <translation>Час зйомки</translation>
    </message>
    <message>
        <source>Import time</source>
        <translation>Час імпорту</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Назва файлу</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln фотографія</numerusform>
            <numerusform>%Ln фотографії</numerusform>
            <numerusform>%Ln фотографій</numerusform>
        </translation>
    </message>
    <message>
        <source>No capture time</source>
        <translation>Без часу зйомки</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>%v of %m</source>
        <translation>%v з %m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Stop after the files being read now; what is done stays (Esc)</source>
        <translation>Зупинити після файлів, які читаються зараз; уже зроблене залишиться (Esc)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Імпорт</translation>
    </message>
    <message>
        <source>Looking for photos…</source>
        <translation>Пошук фотографій…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln нова</numerusform>
            <numerusform>%Ln нові</numerusform>
            <numerusform>%Ln нових</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already here</source>
        <translation>
            <numerusform>вже є: %Ln</numerusform>
            <numerusform>вже є: %Ln</numerusform>
            <numerusform>вже є: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>не вдалося: %Ln</numerusform>
            <numerusform>не вдалося: %Ln</numerusform>
            <numerusform>не вдалося: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln files</source>
        <translation>
            <numerusform>%1 з %Ln файлу</numerusform>
            <numerusform>%1 з %Ln файлів</numerusform>
            <numerusform>%1 з %Ln файлів</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation>%1 фото/с</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>залишилося %1</translation>
    </message>
    <message>
        <source>Cancelling: finishing the files being read…</source>
        <translation>Скасування: дочитуються поточні файли…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Імпорт скасовано</translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>імпортовано: %Ln</numerusform>
            <numerusform>імпортовано: %Ln</numerusform>
            <numerusform>імпортовано: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the catalogue</source>
        <translation>
            <numerusform>вже в каталозі: %Ln</numerusform>
            <numerusform>вже в каталозі: %Ln</numerusform>
            <numerusform>вже в каталозі: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>не вдалося: %Ln</numerusform>
            <numerusform>не вдалося: %Ln</numerusform>
            <numerusform>не вдалося: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled: run the same import again to finish the rest</source>
        <translation>скасовано: запустіть той самий імпорт ще раз, щоб завершити решту</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: they are listed first below.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: їх наведено першими нижче.</translation>
    </message>
    <message>
        <source>not preserved</source>
        <translation>не збережено</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>попередження</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>mass grave</source>
        <translation>масове поховання</translation>
    </message>
    <message>
        <source>killing of civilians</source>
        <translation>вбивство цивільних</translation>
    </message>
    <message>
        <source>strike on a hospital</source>
        <translation>удар по лікарні</translation>
    </message>
    <message>
        <source>strike on a school</source>
        <translation>удар по школі</translation>
    </message>
    <message>
        <source>destroyed housing</source>
        <translation>зруйноване житло</translation>
    </message>
    <message>
        <source>destroyed infrastructure</source>
        <translation>зруйнована інфраструктура</translation>
    </message>
    <message>
        <source>detention site</source>
        <translation>місце утримання</translation>
    </message>
    <message>
        <source>torture site</source>
        <translation>місце катувань</translation>
    </message>
    <message>
        <source>attack on a convoy</source>
        <translation>напад на колону</translation>
    </message>
    <message>
        <source>cultural heritage damage</source>
        <translation>пошкодження культурної спадщини</translation>
    </message>
    <message>
        <source>Edit incident</source>
        <translation>Редагувати інцидент</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Новий інцидент</translation>
    </message>
    <message>
        <source>From position</source>
        <translation>За координатами</translation>
    </message>
    <message>
        <source>The nearest town, its region and country (offline)</source>
        <translation>Найближчий населений пункт, його область і країна (без мережі)</translation>
    </message>
    <message>
        <source> m</source>
        <comment>metres</comment>
        <translation> м</translation>
    </message>
    <message>
        <source>2024-07-08T10:45:00+03:00 (date, time, zone)</source>
        <translation>2024-07-08T10:45:00+03:00 (дата, час, часовий пояс)</translation>
    </message>
    <message>
        <source>reports, links, witness references</source>
        <translation>звіти, посилання, відомості про свідків</translation>
    </message>
    <message>
        <source>the team&apos;s own notes (not published)</source>
        <translation>власні нотатки команди (не оприлюднюються)</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>шир.</translation>
    </message>
    <message>
        <source>lon</source>
        <translation>довг.</translation>
    </message>
    <message>
        <source>radius</source>
        <translation>радіус</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Координати</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Початок</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Кінець</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Zoom to selection</source>
        <translation>Наблизити до вибраних</translation>
    </message>
    <message>
        <source>Show the selected photos (all photos when none is selected)</source>
        <translation>Показати вибрані фотографії (усі, якщо нічого не вибрано)</translation>
    </message>
    <message>
        <source>Open tile pack…</source>
        <translation>Відкрити пакет тайлів…</translation>
    </message>
    <message>
        <source>Street-level tiles from an MBTiles file prepared before the mission (nothing is ever downloaded)</source>
        <translation>Детальні тайли мапи з файлу MBTiles, підготовленого перед місією (з мережі нічого не завантажується)</translation>
    </message>
    <message>
        <source>Geotag from track…</source>
        <translation>Координати з GPS-треку…</translation>
    </message>
    <message>
        <source>Preview the positions a GPX track gives the photos without one (nothing is recorded yet)</source>
        <translation>Попередньо показати координати, які GPX-трек дає фотографіям без координат (поки нічого не записується)</translation>
    </message>
    <message>
        <source>Apply track</source>
        <translation>Застосувати трек</translation>
    </message>
    <message>
        <source>Record the previewed positions in one logged step (Ctrl+Z takes it back)</source>
        <translation>Записати показані координати одним кроком із записом у журналі (Ctrl+Z скасовує)</translation>
    </message>
    <message>
        <source>Without a position</source>
        <translation>Без координат</translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the map</source>
        <translation>
            <numerusform>на мапі: %Ln</numerusform>
            <numerusform>на мапі: %Ln</numerusform>
            <numerusform>на мапі: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a position</source>
        <translation>
            <numerusform>без координат: %Ln</numerusform>
            <numerusform>без координат: %Ln</numerusform>
            <numerusform>без координат: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Without a position (%1)</source>
        <translation>Без координат (%1)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map</source>
        <translation>Мапа</translation>
    </message>
    <message>
        <source>Basemap: Natural Earth (public domain) · towns: GeoNames (CC BY 4.0)</source>
        <translation>Основа мапи: Natural Earth (суспільне надбання) · населені пункти: GeoNames (CC BY 4.0)</translation>
    </message>
</context>
<context>
    <name>RedactionOverlay</name>
    <message>
        <source>Redaction regions</source>
        <translation>Ділянки приховування</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>From now on every change you make in this window ends with a checkpoint: your key&apos;s signature of the custody log&apos;s head. Someone who later rewrites the log cannot forge it. The key is unlocked once and kept in memory until you stop signing or close the window; the passphrase is never stored.</source>
        <translation>Відтепер кожна зміна, яку ви робите в цьому вікні, завершується контрольною точкою: ваш ключ підписує останній запис журналу ланцюга зберігання. Той, хто згодом перепише журнал, не зможе її підробити. Ключ розблоковується один раз і зберігається в пам’яті, доки ви не припините підписувати або не закриєте вікно; парольна фраза ніколи не зберігається.</translation>
    </message>
    <message>
        <source>Registering records the key&apos;s public half in this catalogue&apos;s custody log (a logged entry), so anyone can check the checkpoints it signs; the private key never enters the catalogue.</source>
        <translation>Реєстрація вносить відкриту частину ключа до журналу ланцюга зберігання цього каталогу (окремим записом журналу), тож будь-хто зможе перевірити контрольні точки, які він підписує; закритий ключ ніколи не потрапляє до каталогу.</translation>
    </message>
    <message>
        <source>Sends the SHA-256 of the custody log&apos;s head (and of every head still queued) to a time-stamping authority (RFC 3161), which signs the time it saw it; nothing else leaves the computer. Heads that cannot be sent stay queued for the next time.</source>
        <translation>Надсилає SHA-256 останнього запису журналу ланцюга зберігання (і кожного запису, що ще чекає в черзі) до служби позначок часу (RFC 3161), яка підписує час, коли його отримала; більше нічого не залишає комп’ютер. Записи, які не вдалося надіслати, залишаються в черзі до наступного разу.</translation>
    </message>
    <message>
        <source>The key %1 (fingerprint %2…) is not registered in this catalogue, so its checkpoints would prove nothing. Register it now? %3</source>
        <translation>Ключ %1 (відбиток %2…) не зареєстровано в цьому каталозі, тож його контрольні точки нічого не доводитимуть. Зареєструвати його зараз? %3</translation>
    </message>
    <message>
        <source>Sign changes with a key</source>
        <translation>Підписувати зміни ключем</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Файл закритого ключа</translation>
    </message>
    <message>
        <source>the private key (catalog-app keygen), kept outside the catalogue</source>
        <translation>закритий ключ (catalog-app keygen), що зберігається поза каталогом</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>the key&apos;s passphrase (empty for an unprotected key)</source>
        <translation>парольна фраза ключа (порожня для незахищеного ключа)</translation>
    </message>
    <message>
        <source>Sign changes</source>
        <translation>Підписувати зміни</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Закритий ключ</translation>
    </message>
    <message>
        <source>Choose your private key</source>
        <translation>Виберіть свій закритий ключ</translation>
    </message>
    <message>
        <source>Choose the private key file to sign with.</source>
        <translation>Виберіть файл закритого ключа для підпису.</translation>
    </message>
    <message>
        <source>Unlocking the key…</source>
        <translation>Розблокування ключа…</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggested incidents</source>
        <translation>Запропоновані інциденти</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Пропозиції</translation>
    </message>
    <message>
        <source>Photo %1 → %2 (%3 m): %4</source>
        <translation>Фотографія %1 → %2 (%3 м): %4</translation>
    </message>
    <message>
        <source>Photo %1 → %2: %4</source>
        <translation>Фотографія %1 → %2: %4</translation>
    </message>
    <message>
        <source>Tag the ticked photos</source>
        <translation>Прив’язати відмічені фотографії</translation>
    </message>
    <message numerus="yes">
        <source>%Ln untagged photos could be tagged. Untick any you do not accept.</source>
        <translation>
            <numerusform>%Ln фотографію без інциденту можна прив’язати до інциденту. Зніміть відмітку з тих, яких не приймаєте.</numerusform>
            <numerusform>%Ln фотографії без інциденту можна прив’язати до інциденту. Зніміть відмітку з тих, яких не приймаєте.</numerusform>
            <numerusform>%Ln фотографій без інциденту можна прив’язати до інциденту. Зніміть відмітку з тих, яких не приймаєте.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimestampDialog</name>
    <message>
        <source>Time-stamp the record</source>
        <translation>Позначка часу для журналу</translation>
    </message>
    <message>
        <source>Time-stamping authority address</source>
        <translation>Адреса служби позначок часу</translation>
    </message>
    <message>
        <source>https://… (given by the authority; nothing is sent without one)</source>
        <translation>https://… (її надає служба; без адреси нічого не надсилається)</translation>
    </message>
    <message>
        <source>Authority&apos;s CA certificate</source>
        <translation>Сертифікат центру сертифікації служби</translation>
    </message>
    <message>
        <source>optional: its CA certificate (PEM); default: the system&apos;s</source>
        <translation>необов’язково: сертифікат її центру сертифікації (PEM); типово — системні</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Time-stamp</source>
        <translation>Отримати позначку часу</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Сертифікат ЦС</translation>
    </message>
    <message>
        <source>The authority&apos;s CA certificate (PEM)</source>
        <translation>Сертифікат центру сертифікації служби (PEM)</translation>
    </message>
    <message>
        <source>Give the time-stamping authority&apos;s address; nothing is sent without one.</source>
        <translation>Вкажіть адресу служби позначок часу; без неї нічого не надсилається.</translation>
    </message>
</context>
<context>
    <name>Unplaced</name>
    <message>
        <source>Photos without a position</source>
        <translation>Фотографії без координат</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
</context>
<context>
    <name>VerifyReportDialog</name>
    <message>
        <source>Verification</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>Звіт перевірки</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Copy the whole report to the clipboard</source>
        <translation>Скопіювати весь звіт до буфера обміну</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <source>Save the report as a text file</source>
        <translation>Зберегти звіт як текстовий файл</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Звіт скопійовано до буфера обміну.</translation>
    </message>
    <message>
        <source>Save the verification report</source>
        <translation>Збереження звіту перевірки</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстові файли (*.txt);;Усі файли (*)</translation>
    </message>
</context>
</TS>
