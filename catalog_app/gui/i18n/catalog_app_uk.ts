<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message>
        <source>There is no catalogue at %1 (was a disk removed?); choose another with File &gt; Open catalogue, or create one with File &gt; New.</source>
        <translation>За адресою %1 немає каталогу (можливо, від’єднано диск?). Виберіть інший через «Файл &gt; Відкрити каталог» або створіть новий через «Файл &gt; Новий каталог».</translation>
    </message>
    <message>
        <source>The catalogue folder %1 cannot be created (%2).</source>
        <translation>Не вдається створити теку каталогу %1 (%2).</translation>
    </message>
    <message>
        <source>The catalogue cannot be opened</source>
        <translation>Не вдається відкрити каталог</translation>
    </message>
    <message>
        <source>Opening %1 (updating its schema after a backup)…</source>
        <translation>Відкриття %1 (після резервного копіювання оновлюється структура бази даних)…</translation>
    </message>
    <message>
        <source>Opening the catalogue</source>
        <translation>Відкриття каталогу</translation>
    </message>
    <message>
        <source>The catalogue at %1 cannot be opened: %2</source>
        <translation>Не вдається відкрити каталог %1: %2</translation>
    </message>
    <message>
        <source>on read-only media (or write-protected)</source>
        <translation>на носії лише для читання (або захищений від запису)</translation>
    </message>
    <message>
        <source>open read-only</source>
        <translation>відкрито лише для читання</translation>
    </message>
    <message>
        <source>New catalogue: name a new folder, or choose an empty one</source>
        <translation>Новий каталог: назвіть нову теку або виберіть порожню</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Створити</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Тека</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Open a catalogue folder</source>
        <translation>Відкрити теку каталогу</translation>
    </message>
    <message>
        <source>Open a catalogue folder read-only</source>
        <translation>Відкрити теку каталогу лише для читання</translation>
    </message>
    <message>
        <source>Open the demo mission?</source>
        <translation>Відкрити демонстраційну місію?</translation>
    </message>
    <message>
        <source>This catalogue is empty. Open a demo mission to see how catalog_app works? It holds made-up photos, each marked DEMO, in a catalogue of its own; your catalogue stays as it is.</source>
        <translation>Цей каталог порожній. Відкрити демонстраційну місію, щоб побачити, як працює catalog_app? Вона містить вигадані фотографії, кожна з позначкою DEMO, в окремому каталозі; ваш каталог залишиться без змін.</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Ім’я оператора</translation>
    </message>
    <message>
        <source>Name recorded with everything you do:</source>
        <translation>Ім’я, яке записується з кожною вашою дією:</translation>
    </message>
    <message>
        <source>About catalog_app</source>
        <translation>Про catalog_app</translation>
    </message>
</context>
<context>
    <name>ArchiveChange</name>
    <message>
        <source>archive incident %1</source>
        <translation>архівування інциденту «%1»</translation>
    </message>
</context>
<context>
    <name>BrowseController</name>
    <message>
        <source>The catalogue could not be read: %1</source>
        <translation>Не вдалося прочитати каталог: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed imports</source>
        <translation>
            <numerusform>%Ln невдалий імпорт</numerusform>
            <numerusform>%Ln невдалі імпорти</numerusform>
            <numerusform>%Ln невдалих імпортів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open duplicate groups</source>
        <translation>
            <numerusform>%Ln відкрита група дублікатів</numerusform>
            <numerusform>%Ln відкриті групи дублікатів</numerusform>
            <numerusform>%Ln відкритих груп дублікатів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>показано %Ln</numerusform>
            <numerusform>показано %Ln</numerusform>
            <numerusform>показано %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>вибрано %Ln</numerusform>
            <numerusform>вибрано %Ln</numerusform>
            <numerusform>вибрано %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptionChange</name>
    <message>
        <source>caption of photo %1</source>
        <translation>підпис фотографії %1</translation>
    </message>
</context>
<context>
    <name>CatalogueSession</name>
    <message>
        <source>The catalogue could not do that: %1</source>
        <translation>Каталог не зміг виконати цю дію: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesController</name>
    <message>
        <source>Kept photo %1; the others in group %2 are linked to it.</source>
        <translation>Фотографію %1 залишено основною; решту фотографій групи %2 пов’язано з нею.</translation>
    </message>
    <message>
        <source>Group %1 recorded as not duplicates.</source>
        <translation>Групу %1 записано як таку, що не містить дублікатів.</translation>
    </message>
    <message>
        <source>No open group has all its members that close to its keeper.</source>
        <translation>Немає відкритої групи, усі фотографії якої настільки близькі до основної.</translation>
    </message>
    <message>
        <source>Accept suggested keepers</source>
        <translation>Прийняти запропоновані основні фотографії</translation>
    </message>
    <message numerus="yes">
        <source>Keep the suggested keeper of %Ln groups?</source>
        <translation>
            <numerusform>Залишити запропоновану основну фотографію в %Ln групі?</numerusform>
            <numerusform>Залишити запропоновані основні фотографії в %Ln групах?</numerusform>
            <numerusform>Залишити запропоновані основні фотографії в %Ln групах?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos will be marked as duplicates and hidden from the grid (each can be unmarked later).</source>
        <translation>
            <numerusform>%Ln фотографію буде позначено як дублікат і прибрано із сітки (позначку можна буде зняти пізніше).</numerusform>
            <numerusform>%Ln фотографії буде позначено як дублікати й прибрано із сітки (позначку з кожної можна буде зняти пізніше).</numerusform>
            <numerusform>%Ln фотографій буде позначено як дублікати й прибрано із сітки (позначку з кожної можна буде зняти пізніше).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted the suggested keeper of %Ln groups.</source>
        <translation>
            <numerusform>Прийнято запропоновану основну фотографію в %Ln групі.</numerusform>
            <numerusform>Прийнято запропоновані основні фотографії в %Ln групах.</numerusform>
            <numerusform>Прийнято запропоновані основні фотографії в %Ln групах.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacesController</name>
    <message>
        <source>Publish with faces unreviewed?</source>
        <translation>Оприлюднити з неперевіреними обличчями?</translation>
    </message>
    <message>
        <source>Photo %1: faces marked reviewed.</source>
        <translation>Фотографія %1: обличчя позначено як перевірені.</translation>
    </message>
    <message>
        <source>Photo %1 will be published in galleries with the faces found in it neither reviewed nor redacted. This is recorded under your name in the custody log.</source>
        <translation>Фотографію %1 буде оприлюднено в галереях, хоча знайдені на ній обличчя не перевірено й не приховано. Це буде записано в журнал ланцюга зберігання під вашим ім’ям.</translation>
    </message>
    <message>
        <source>Photo %1: to be published anyway (logged).</source>
        <translation>Фотографія %1: буде оприлюднена попри все (записано в журнал).</translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation>Пошук облич</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Шукаємо обличчя…</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} photos scanned</source>
        <translation>Проскановано {done} з {total} фото</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos scanned (stopped early).</source>
        <translation>
            <numerusform>Проскановано %Ln фотографію (зупинено раніше).</numerusform>
            <numerusform>Проскановано %Ln фотографії (зупинено раніше).</numerusform>
            <numerusform>Проскановано %Ln фотографій (зупинено раніше).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos scanned.</source>
        <translation>
            <numerusform>Проскановано %Ln фотографію.</numerusform>
            <numerusform>Проскановано %Ln фотографії.</numerusform>
            <numerusform>Проскановано %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message>
        <source>Faces found: %1; photos with faces: %2.</source>
        <translation>Знайдено облич: %1; фотографій з обличчями: %2.</translation>
    </message>
    <message>
        <source>Could not be scanned: %1.</source>
        <translation>Не вдалося просканувати: %1.</translation>
    </message>
    <message>
        <source>Finding faces stopped</source>
        <translation>Пошук облич зупинено</translation>
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
    <name>ImportController</name>
    <message>
        <source>Import photos</source>
        <translation>Імпорт фотографій</translation>
    </message>
    <message>
        <source>Import every photo under a folder</source>
        <translation>Імпорт усіх фотографій із теки та її вкладених тек</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to end.</source>
        <translation>Імпорт уже триває; дочекайтеся його завершення.</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Імпорт зупинився: %1</translation>
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
    <name>InspectController</name>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Не вдалося прочитати історію: %1</translation>
    </message>
    <message>
        <source>The catalogue could not do that: %1</source>
        <translation>Каталог не зміг цього зробити: %1</translation>
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
    <name>MapController</name>
    <message>
        <source>The basemap could not be read: %1</source>
        <translation>Не вдалося прочитати базову мапу: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos keep their camera&apos;s GPS position.</source>
        <translation>
            <numerusform>%Ln фотографія зберігає GPS-координати камери.</numerusform>
            <numerusform>%Ln фотографії зберігають GPS-координати камери.</numerusform>
            <numerusform>%Ln фотографій зберігають GPS-координати камери.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>place %Ln photos on the map</source>
        <translation>
            <numerusform>розміщення %Ln фотографії на мапі</numerusform>
            <numerusform>розміщення %Ln фотографій на мапі</numerusform>
            <numerusform>розміщення %Ln фотографій на мапі</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos placed by hand at %1, %2.</source>
        <translation>
            <numerusform>%Ln фотографію розміщено вручну в точці %1, %2.</numerusform>
            <numerusform>%Ln фотографії розміщено вручну в точці %1, %2.</numerusform>
            <numerusform>%Ln фотографій розміщено вручну в точці %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln photos back where they were.</source>
        <translation>
            <numerusform>Скасовано: %Ln фотографію повернуто на попереднє місце.</numerusform>
            <numerusform>Скасовано: %Ln фотографії повернуто на попередні місця.</numerusform>
            <numerusform>Скасовано: %Ln фотографій повернуто на попередні місця.</numerusform>
        </translation>
    </message>
    <message>
        <source>Geotag from a GPS track</source>
        <translation>Геоприв’язка за GPS-треком</translation>
    </message>
    <message>
        <source>GPX tracks (*.gpx)</source>
        <translation>GPX-треки (*.gpx)</translation>
    </message>
    <message numerus="yes">
        <source>Track %1: %2 of %Ln photos without a position would be placed (preview; Apply track records them).</source>
        <translation>
            <numerusform>Трек %1: буде розміщено %2 з %Ln фотографії без координат (попередній перегляд; «Застосувати трек» запише їх).</numerusform>
            <numerusform>Трек %1: буде розміщено %2 з %Ln фотографій без координат (попередній перегляд; «Застосувати трек» запише їх).</numerusform>
            <numerusform>Трек %1: буде розміщено %2 з %Ln фотографій без координат (попередній перегляд; «Застосувати трек» запише їх).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos placed from track %1.</source>
        <translation>
            <numerusform>%Ln фотографію розміщено за треком %1.</numerusform>
            <numerusform>%Ln фотографії розміщено за треком %1.</numerusform>
            <numerusform>%Ln фотографій розміщено за треком %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a tile pack</source>
        <translation>Відкрити пакет тайлів</translation>
    </message>
    <message>
        <source>MBTiles tile packs (*.mbtiles)</source>
        <translation>Пакети тайлів MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <source>Tile pack %1: zoom %2 to %3, read from %4.</source>
        <translation>Пакет тайлів %1: масштаб від %2 до %3, прочитано з %4.</translation>
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
    <name>QueuesController</name>
    <message>
        <source>Incident %1 restored.</source>
        <translation>Інцидент «%1» відновлено.</translation>
    </message>
</context>
<context>
    <name>RedactionController</name>
    <message>
        <source>redact a region of photo %1</source>
        <translation>приховування ділянки фотографії %1</translation>
    </message>
    <message>
        <source>remove redaction region %1</source>
        <translation>вилучення ділянки приховування %1</translation>
    </message>
    <message>
        <source>confirm redaction region %1</source>
        <translation>підтвердження ділянки приховування %1</translation>
    </message>
    <message>
        <source>redaction region %1: %2</source>
        <translation>ділянка приховування %1: %2</translation>
    </message>
    <message>
        <source>move redaction region %1</source>
        <translation>переміщення ділянки приховування %1</translation>
    </message>
    <message>
        <source>resize redaction region %1</source>
        <translation>зміна розміру ділянки приховування %1</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>розмиття</translation>
    </message>
    <message>
        <source>pixelate</source>
        <translation>пікселізація</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>заливка</translation>
    </message>
    <message>
        <source>Redaction region %1: %2.</source>
        <translation>Ділянка приховування %1: %2.</translation>
    </message>
    <message>
        <source>Redaction region %1 moved.</source>
        <translation>Ділянку приховування %1 переміщено.</translation>
    </message>
    <message>
        <source>Redaction region %1 resized.</source>
        <translation>Розмір ділянки приховування %1 змінено.</translation>
    </message>
    <message>
        <source>Redaction region %1 moved back.</source>
        <translation>Ділянку приховування %1 повернуто на попереднє місце.</translation>
    </message>
    <message>
        <source>Redaction region %1 resized back.</source>
        <translation>Ділянці приховування %1 повернуто попередній розмір.</translation>
    </message>
    <message>
        <source>Redaction region %1 added (%2).</source>
        <translation>Ділянку приховування %1 додано (%2).</translation>
    </message>
    <message>
        <source>Nothing to remove.</source>
        <translation>Немає чого вилучати.</translation>
    </message>
    <message>
        <source>Redaction region %1 removed.</source>
        <translation>Ділянку приховування %1 вилучено.</translation>
    </message>
    <message>
        <source>Redaction region %1 removed: %2.</source>
        <translation>Ділянку приховування %1 вилучено: %2.</translation>
    </message>
    <message>
        <source>Redaction region %1 confirmed.</source>
        <translation>Ділянку приховування %1 підтверджено.</translation>
    </message>
    <message>
        <source>Redaction region %1 proposed again.</source>
        <translation>Ділянку приховування %1 знову повернуто до запропонованих.</translation>
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
    <name>SavedSearchesController</name>
    <message>
        <source>My search</source>
        <translation>Мій пошук</translation>
    </message>
    <message>
        <source>Search saved as %1.</source>
        <translation>Пошук збережено як «%1».</translation>
    </message>
    <message>
        <source>Saved search %1 forgotten.</source>
        <translation>Збережений пошук «%1» видалено.</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Зберегти пошук</translation>
    </message>
    <message>
        <source>Name of this search (collection and filters):</source>
        <translation>Назва цього пошуку (добірка й фільтри):</translation>
    </message>
</context>
<context>
    <name>SigningController</name>
    <message>
        <source>Not available: this catalogue is open read-only, so nothing can be signed or time-stamped.</source>
        <translation>Недоступно: цей каталог відкрито лише для читання, тож нічого не можна підписати чи позначити часом.</translation>
    </message>
    <message>
        <source>Signing as key %1…</source>
        <translation>Підписування ключем %1…</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read (%2).</source>
        <translation>Не вдається прочитати файл сертифіката центру сертифікації %1 (%2).</translation>
    </message>
    <message>
        <source>Register this key?</source>
        <translation>Зареєструвати цей ключ?</translation>
    </message>
    <message>
        <source>Not signing: the key is not registered in this catalogue, and checkpoints by a key it does not know would prove nothing.</source>
        <translation>Підписування не ввімкнено: ключ не зареєстровано в цьому каталозі, а контрольні точки, підписані невідомим йому ключем, нічого б не довели.</translation>
    </message>
    <message>
        <source>The key cannot be used: %1</source>
        <translation>Цей ключ не можна використати: %1</translation>
    </message>
    <message>
        <source>Every change made in this window ends with a checkpoint signed by key %1 (%2).</source>
        <translation>Кожна зміна в цьому вікні завершується контрольною точкою, підписаною ключем %1 (%2).</translation>
    </message>
    <message>
        <source>Signing every change with key %1….</source>
        <translation>Відтепер кожна зміна підписуватиметься ключем %1….</translation>
    </message>
    <message>
        <source>Signing stopped: changes are no longer signed.</source>
        <translation>Підписування зупинено: зміни більше не підписуються.</translation>
    </message>
    <message>
        <source>The custody log is empty; there is nothing to sign yet.</source>
        <translation>Журнал ланцюга зберігання порожній; поки що нічого підписувати.</translation>
    </message>
    <message>
        <source>Checkpoint: entry %1 signed by key %2… (queued for a time-stamp).</source>
        <translation>Контрольна точка: запис %1 підписано ключем %2… (у черзі на позначку часу).</translation>
    </message>
    <message>
        <source>Time-stamping the custody log&apos;s head with %1…</source>
        <translation>Позначка часу для вершини журналу ланцюга зберігання через %1…</translation>
    </message>
    <message>
        <source>Entry %1 was time-stamped by %2 at %3.</source>
        <translation>Запис %1 отримав позначку часу від %2: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln heads stay queued for the next time.</source>
        <translation>
            <numerusform>%Ln вершина журналу лишається в черзі до наступного разу.</numerusform>
            <numerusform>%Ln вершини журналу лишаються в черзі до наступного разу.</numerusform>
            <numerusform>%Ln вершин журналу лишаються в черзі до наступного разу.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to time-stamp: every head has its token.</source>
        <translation>Немає чого позначати часом: кожна вершина журналу вже має свій токен.</translation>
    </message>
    <message>
        <source>Time-stamp</source>
        <translation>Позначка часу</translation>
    </message>
    <message>
        <source>Finishing the time-stamp before closing…</source>
        <translation>Завершуємо позначку часу перед закриттям…</translation>
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
    <name>TaggingController</name>
    <message>
        <source>%1 m from the centre of %2</source>
        <translation>%1 м від центру інциденту «%2»</translation>
    </message>
    <message numerus="yes">
        <source>untag %Ln photos</source>
        <translation>
            <numerusform>відв’язування %Ln фотографії від інциденту</numerusform>
            <numerusform>відв’язування %Ln фотографій від інциденту</numerusform>
            <numerusform>відв’язування %Ln фотографій від інциденту</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %Ln photos</source>
        <translation>
            <numerusform>прив’язування %Ln фотографії до інциденту</numerusform>
            <numerusform>прив’язування %Ln фотографій до інциденту</numerusform>
            <numerusform>прив’язування %Ln фотографій до інциденту</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>template caption of %Ln photos</source>
        <translation>
            <numerusform>підпис за шаблоном для %Ln фотографії</numerusform>
            <numerusform>підписи за шаблоном для %Ln фотографій</numerusform>
            <numerusform>підписи за шаблоном для %Ln фотографій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos tagged to %1.</source>
        <translation>
            <numerusform>%Ln фотографію прив’язано до інциденту «%1».</numerusform>
            <numerusform>%Ln фотографії прив’язано до інциденту «%1».</numerusform>
            <numerusform>%Ln фотографій прив’язано до інциденту «%1».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos untagged.</source>
        <translation>
            <numerusform>%Ln фотографію відв’язано від інциденту.</numerusform>
            <numerusform>%Ln фотографії відв’язано від інциденту.</numerusform>
            <numerusform>%Ln фотографій відв’язано від інциденту.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln photos back in their earlier incident.</source>
        <translation>
            <numerusform>Скасовано: %Ln фотографію повернуто до попереднього інциденту.</numerusform>
            <numerusform>Скасовано: %Ln фотографії повернуто до попередніх інцидентів.</numerusform>
            <numerusform>Скасовано: %Ln фотографій повернуто до попередніх інцидентів.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message numerus="yes">
        <source>Keywords changed on %Ln photos.</source>
        <translation>
            <numerusform>Ключові слова змінено в %Ln фотографії.</numerusform>
            <numerusform>Ключові слова змінено в %Ln фотографіях.</numerusform>
            <numerusform>Ключові слова змінено в %Ln фотографіях.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graphic on for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «шокуючий вміст» поставлено на %Ln фотографію.</numerusform>
            <numerusform>Позначку «шокуючий вміст» поставлено на %Ln фотографії.</numerusform>
            <numerusform>Позначку «шокуючий вміст» поставлено на %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graphic off for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «шокуючий вміст» знято з %Ln фотографії.</numerusform>
            <numerusform>Позначку «шокуючий вміст» знято з %Ln фотографій.</numerusform>
            <numerusform>Позначку «шокуючий вміст» знято з %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restricted on for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «з обмеженим доступом» поставлено на %Ln фотографію.</numerusform>
            <numerusform>Позначку «з обмеженим доступом» поставлено на %Ln фотографії.</numerusform>
            <numerusform>Позначку «з обмеженим доступом» поставлено на %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restricted off for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «з обмеженим доступом» знято з %Ln фотографії.</numerusform>
            <numerusform>Позначку «з обмеженим доступом» знято з %Ln фотографій.</numerusform>
            <numerusform>Позначку «з обмеженим доступом» знято з %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Caption needs review on for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «підпис потребує перевірки» поставлено на %Ln фотографію.</numerusform>
            <numerusform>Позначку «підпис потребує перевірки» поставлено на %Ln фотографії.</numerusform>
            <numerusform>Позначку «підпис потребує перевірки» поставлено на %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Caption needs review off for %Ln photos.</source>
        <translation>
            <numerusform>Позначку «підпис потребує перевірки» знято з %Ln фотографії.</numerusform>
            <numerusform>Позначку «підпис потребує перевірки» знято з %Ln фотографій.</numerusform>
            <numerusform>Позначку «підпис потребує перевірки» знято з %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an incident in the sidebar first.</source>
        <translation>Спершу виберіть інцидент на бічній панелі.</translation>
    </message>
    <message>
        <source>Archive incident</source>
        <translation>Архівувати інцидент</translation>
    </message>
    <message numerus="yes">
        <source>Archive %1? Its %Ln photos stay tagged to it; it leaves the sidebar and the incident lists until it is restored (Edit &gt; Undo restores it now).</source>
        <translation>
            <numerusform>Архівувати інцидент «%1»? Його %Ln фотографія залишиться прив’язаною до нього; інцидент зникне з бічної панелі та списків інцидентів, доки його не відновлять («Зміни &gt; Скасувати» відновить його одразу).</numerusform>
            <numerusform>Архівувати інцидент «%1»? Його %Ln фотографії залишаться прив’язаними до нього; інцидент зникне з бічної панелі та списків інцидентів, доки його не відновлять («Зміни &gt; Скасувати» відновить його одразу).</numerusform>
            <numerusform>Архівувати інцидент «%1»? Його %Ln фотографій залишаться прив’язаними до нього; інцидент зникне з бічної панелі та списків інцидентів, доки його не відновлять («Зміни &gt; Скасувати» відновить його одразу).</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident %1 archived (its photos stay tagged).</source>
        <translation>Інцидент «%1» архівовано (його фотографії залишаються прив’язаними).</translation>
    </message>
    <message>
        <source>Incident %1 restored.</source>
        <translation>Інцидент «%1» відновлено.</translation>
    </message>
    <message numerus="yes">
        <source>%1 merged into %2: %Ln photos moved.</source>
        <translation>
            <numerusform>Інцидент «%1» об’єднано з «%2»: перенесено %Ln фотографію.</numerusform>
            <numerusform>Інцидент «%1» об’єднано з «%2»: перенесено %Ln фотографії.</numerusform>
            <numerusform>Інцидент «%1» об’єднано з «%2»: перенесено %Ln фотографій.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge incident</source>
        <translation>Об’єднати інцидент</translation>
    </message>
    <message>
        <source>Move the photos of %1 into:</source>
        <translation>Перенести фотографії інциденту «%1» до:</translation>
    </message>
    <message numerus="yes">
        <source>Incident %1 deleted; %Ln photos untagged.</source>
        <translation>
            <numerusform>Інцидент «%1» видалено; %Ln фотографію відв’язано.</numerusform>
            <numerusform>Інцидент «%1» видалено; %Ln фотографії відв’язано.</numerusform>
            <numerusform>Інцидент «%1» видалено; %Ln фотографій відв’язано.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete incident</source>
        <translation>Видалити інцидент</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln photos. Untag them and delete the incident? The photos stay in the catalogue, and the incident&apos;s text stays in the custody log.</source>
        <translation>
            <numerusform>До інциденту «%1» прив’язано %Ln фотографію. Відв’язати фотографії й видалити інцидент? Фотографії залишаться в каталозі, а текст інциденту — в журналі ланцюга зберігання.</numerusform>
            <numerusform>До інциденту «%1» прив’язано %Ln фотографії. Відв’язати фотографії й видалити інцидент? Фотографії залишаться в каталозі, а текст інциденту — в журналі ланцюга зберігання.</numerusform>
            <numerusform>До інциденту «%1» прив’язано %Ln фотографій. Відв’язати фотографії й видалити інцидент? Фотографії залишаться в каталозі, а текст інциденту — в журналі ланцюга зберігання.</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident %1 added (id %2).</source>
        <translation>Інцидент «%1» додано (ідентифікатор %2).</translation>
    </message>
    <message numerus="yes">
        <source>Incident %1 saved (%Ln fields changed).</source>
        <translation>
            <numerusform>Інцидент «%1» збережено (змінено %Ln поле).</numerusform>
            <numerusform>Інцидент «%1» збережено (змінено %Ln поля).</numerusform>
            <numerusform>Інцидент «%1» збережено (змінено %Ln полів).</numerusform>
        </translation>
    </message>
    <message>
        <source>Select photos, and add an incident first.</source>
        <translation>Спершу виберіть фотографії й додайте інцидент.</translation>
    </message>
    <message>
        <source>Tag to incident</source>
        <translation>Прив’язати до інциденту</translation>
    </message>
    <message numerus="yes">
        <source>Tag the %Ln selected photos to:</source>
        <translation>
            <numerusform>Прив’язати %Ln вибрану фотографію до:</numerusform>
            <numerusform>Прив’язати %Ln вибрані фотографії до:</numerusform>
            <numerusform>Прив’язати %Ln вибраних фотографій до:</numerusform>
        </translation>
    </message>
    <message>
        <source>Caption from a template</source>
        <translation>Підпис за шаблоном</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>Поля: %1</translation>
    </message>
    <message numerus="yes">
        <source>Caption for the %Ln selected photos:</source>
        <translation>
            <numerusform>Підпис для %Ln вибраної фотографії:</numerusform>
            <numerusform>Підпис для %Ln вибраних фотографій:</numerusform>
            <numerusform>Підпис для %Ln вибраних фотографій:</numerusform>
        </translation>
    </message>
    <message>
        <source>{incident}, {date}: photo {n}</source>
        <translation>{incident}, {date}: фото {n}</translation>
    </message>
    <message>
        <source>The catalogue could not do that: %1</source>
        <translation>Каталог не зміг цього зробити: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln captions written from the template and marked for review.</source>
        <translation>
            <numerusform>%Ln підпис створено за шаблоном і позначено для перевірки.</numerusform>
            <numerusform>%Ln підписи створено за шаблоном і позначено для перевірки.</numerusform>
            <numerusform>%Ln підписів створено за шаблоном і позначено для перевірки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln captions put back as before the template.</source>
        <translation>
            <numerusform>Скасовано: %Ln підпис повернуто до стану перед шаблоном.</numerusform>
            <numerusform>Скасовано: %Ln підписи повернуто до стану перед шаблоном.</numerusform>
            <numerusform>Скасовано: %Ln підписів повернуто до стану перед шаблоном.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redone: %Ln captions written from the template.</source>
        <translation>
            <numerusform>Повторено: %Ln підпис створено за шаблоном.</numerusform>
            <numerusform>Повторено: %Ln підписи створено за шаблоном.</numerusform>
            <numerusform>Повторено: %Ln підписів створено за шаблоном.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Пропозиції</translation>
    </message>
    <message>
        <source>No untagged photo lies in an incident&apos;s area and dates, or near a tagged photo from the same camera.</source>
        <translation>Жодна неприв’язана фотографія не потрапляє в межі місця й дат інциденту і не лежить поблизу прив’язаної фотографії з тієї самої камери.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos tagged to their suggested incidents.</source>
        <translation>
            <numerusform>%Ln фотографію прив’язано до запропонованого інциденту.</numerusform>
            <numerusform>%Ln фотографії прив’язано до запропонованих інцидентів.</numerusform>
            <numerusform>%Ln фотографій прив’язано до запропонованих інцидентів.</numerusform>
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
    <name>TrackCommand</name>
    <message>
        <source>geotag from track %1</source>
        <translation>геоприв’язка за треком %1</translation>
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
    <name>VerifyController</name>
    <message>
        <source>Verifying the catalogue</source>
        <translation>Перевірка каталогу</translation>
    </message>
    <message>
        <source>Re-hashing every original…</source>
        <translation>Повторно обчислюємо хеші всіх оригіналів…</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} originals re-hashed</source>
        <translation>Хеші перераховано: {done} із {total}</translation>
    </message>
    <message>
        <source>Verification stopped</source>
        <translation>Перевірку зупинено</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %Ln originals; nothing was recorded. Verify again to check them all.</source>
        <translation>
            <numerusform>Зупинено після %Ln оригіналу; нічого не записано. Запустіть перевірку знову, щоб перевірити всі.</numerusform>
            <numerusform>Зупинено після %Ln оригіналів; нічого не записано. Запустіть перевірку знову, щоб перевірити всі.</numerusform>
            <numerusform>Зупинено після %Ln оригіналів; нічого не записано. Запустіть перевірку знову, щоб перевірити всі.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems found so far:</source>
        <translation>Проблеми, знайдені досі:</translation>
    </message>
    <message>
        <source>No problems found. The report, as catalog-app verify prints it:</source>
        <translation>Проблем не знайдено. Звіт у тому вигляді, у якому його друкує catalog-app verify:</translation>
    </message>
    <message>
        <source>No problems found, but the history is not proven (nothing outside the catalogue&apos;s files anchors it). The report, as catalog-app verify prints it:</source>
        <translation>Проблем не знайдено, але історію не доведено (ніщо поза файлами каталогу її не закріплює). Звіт у тому вигляді, у якому його друкує catalog-app verify:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problems found. The report, as catalog-app verify prints it:</source>
        <translation>
            <numerusform>Знайдено %Ln проблему. Звіт у тому вигляді, у якому його друкує catalog-app verify:</numerusform>
            <numerusform>Знайдено %Ln проблеми. Звіт у тому вигляді, у якому його друкує catalog-app verify:</numerusform>
            <numerusform>Знайдено %Ln проблем. Звіт у тому вигляді, у якому його друкує catalog-app verify:</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Збережено в %1.</translation>
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
<context>
    <name>ViewerController</name>
    <message>
        <source>no capture time recorded</source>
        <translation>час зйомки не записано</translation>
    </message>
    <message>
        <source>%1 (corrected)</source>
        <translation>%1 (з поправкою)</translation>
    </message>
    <message>
        <source>Recorded by the camera: %1</source>
        <translation>Записано камерою: %1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Finishing the work in progress before closing…</source>
        <translation>Завершуємо поточну роботу перед закриттям…</translation>
    </message>
</context>
</TS>
