<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About %1</source>
        <translation>Про %1</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>не встановлено</translation>
    </message>
    <message>
        <source>A catalogue of evidence photos for field teams.</source>
        <translation>Каталог фотографій-доказів для польових команд.</translation>
    </message>
</context>
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
    <name>DayHeader</name>
    <message>
        <source>No capture time</source>
        <translation>Без часу зйомки</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln фотографія</numerusform>
            <numerusform>%Ln фотографії</numerusform>
            <numerusform>%Ln фотографій</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DescribePanel</name>
    <message>
        <source>— untagged —</source>
        <translation>— не прив’язано —</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Інцидент</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключові слова</translation>
    </message>
    <message>
        <source>keywords, separated by commas</source>
        <translation>ключові слова через кому</translation>
    </message>
    <message>
        <source>Graphic</source>
        <translation>Шокуючий вміст</translation>
    </message>
    <message>
        <source>Bodies or injuries: blurred behind a warning when published</source>
        <translation>Тіла або поранення: при оприлюдненні розмиваються за попередженням</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>З обмеженим доступом</translation>
    </message>
    <message>
        <source>Must never leave the catalogue (a witness’s face, a secret location): never published</source>
        <translation>Не може залишати каталог (обличчя свідка, таємне місце): ніколи не оприлюднюється</translation>
    </message>
    <message>
        <source>Check caption</source>
        <translation>Перевірити підпис</translation>
    </message>
    <message>
        <source>The caption needs review before it is published</source>
        <translation>Підпис потребує перевірки перед оприлюдненням</translation>
    </message>
    <message numerus="yes">
        <source>keywords to add to all %Ln photos</source>
        <translation>
            <numerusform>ключові слова, які додати до всіх %Ln фотографії</numerusform>
            <numerusform>ключові слова, які додати до всіх %Ln фотографій</numerusform>
            <numerusform>ключові слова, які додати до всіх %Ln фотографій</numerusform>
        </translation>
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
    <name>DuplicatesView</name>
    <message>
        <source>same pixels</source>
        <translation>однакові пікселі</translation>
    </message>
    <message>
        <source>near copies</source>
        <translation>схожі копії</translation>
    </message>
    <message>
        <source>similar shots</source>
        <translation>схожі знімки</translation>
    </message>
    <message>
        <source>size</source>
        <translation>розмір</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>знято</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>камера</translation>
    </message>
    <message>
        <source>source</source>
        <translation>джерело</translation>
    </message>
    <message>
        <source>largest pixel count, then the original over re-encodings (camera EXIF or capture time kept, then HEIF/raw/JPEG over PNG/WebP, then the larger file), then earliest capture time, then has GPS</source>
        <translation>найбільша кількість пікселів, потім оригінал, а не перекодована копія (збережено EXIF камери або час зйомки, потім HEIF/raw/JPEG, а не PNG/WebP, потім більший файл), потім найраніший час зйомки, потім наявність GPS</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>суворий</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>звичайний</translation>
    </message>
    <message>
        <source>loose</source>
        <translation>м’який</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пікс.</translation>
    </message>
    <message>
        <source>%1 · %2 MB</source>
        <translation>%1 · %2 МБ</translation>
    </message>
    <message>
        <source>no capture time</source>
        <translation>немає часу зйомки</translation>
    </message>
    <message>
        <source>no GPS</source>
        <translation>немає GPS</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln bits)</source>
        <translation>
            <numerusform>%1 (%Ln біт)</numerusform>
            <numerusform>%1 (%Ln біти)</numerusform>
            <numerusform>%1 (%Ln бітів)</numerusform>
        </translation>
    </message>
    <message>
        <source>How different two copies may be and still be grouped</source>
        <translation>Наскільки можуть відрізнятися дві копії, щоб потрапити в одну групу</translation>
    </message>
    <message>
        <source>Show similar shots</source>
        <translation>Показувати схожі знімки</translation>
    </message>
    <message>
        <source>Also list distinct shots of one scene (taken at different times): a weaker tier</source>
        <translation>Показувати також різні знімки однієї сцени (зроблені в різний час): слабший рівень схожості</translation>
    </message>
    <message>
        <source>Accept suggested keepers</source>
        <translation>Прийняти запропоновані основні</translation>
    </message>
    <message>
        <source>For every open group whose copies are all within this many bits: keep the suggested photo (%1)</source>
        <translation>Для кожної відкритої групи, усі копії якої в межах цієї кількості бітів: залишити запропоновану фотографію (%1)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Поріг</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>До</translation>
    </message>
    <message>
        <source>bits:</source>
        <translation>бітів:</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Групи дублікатів</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Не дублікати</translation>
    </message>
    <message>
        <source>These photos are distinct: never group them again</source>
        <translation>Це різні фотографії: більше не об’єднувати їх у групу</translation>
    </message>
    <message>
        <source>Merge metadata into keeper</source>
        <translation>Перенести метадані в основну</translation>
    </message>
    <message>
        <source>Carry the copies’ incident over to the keeper</source>
        <translation>Перенести інцидент копій на основну фотографію</translation>
    </message>
    <message>
        <source>Show differences</source>
        <translation>Показати відмінності</translation>
    </message>
    <message>
        <source>Each copy turned to the keeper’s pose: black is the same, bright is what changed</source>
        <translation>Кожну копію вирівняно за основною фотографією: чорне — однакове, світле — змінене</translation>
    </message>
    <message>
        <source>Choose a group</source>
        <translation>Виберіть групу</translation>
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
        <source>resolved (suggested keeper #%1)</source>
        <translation>розглянуто (запропонована основна №%1)</translation>
    </message>
    <message>
        <source>open: choose what to keep (suggested keeper #%1)</source>
        <translation>відкрита: виберіть, що залишити (запропонована основна №%1)</translation>
    </message>
    <message>
        <source>No duplicate groups at this threshold.</source>
        <translation>За цього порогу груп дублікатів немає.</translation>
    </message>
    <message>
        <source>Group #%1: %2, resolved. Highlighted facts differ from the keeper.</source>
        <translation>Група №%1: %2, розглянуто. Виділені дані відрізняються від основної фотографії.</translation>
    </message>
    <message>
        <source>Group #%1: %2, suggested keeper first. Highlighted facts differ from the keeper.</source>
        <translation>Група №%1: %2, запропонована основна — перша. Виділені дані відрізняються від основної фотографії.</translation>
    </message>
</context>
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
    <name>FacesRow</name>
    <message>
        <source>Faces found</source>
        <translation>Знайдені обличчя</translation>
    </message>
    <message>
        <source>Mark faces reviewed</source>
        <translation>Позначити обличчя перевіреними</translation>
    </message>
    <message>
        <source>The proposed faces were looked at (and redacted where needed): galleries may publish this photo (logged)</source>
        <translation>Запропоновані обличчя переглянуто (і приховано, де потрібно): галереї можуть оприлюднити цю фотографію (записується в журнал)</translation>
    </message>
    <message>
        <source>Publish anyway…</source>
        <translation>Оприлюднити попри це…</translation>
    </message>
    <message>
        <source>Publish this photo with its faces unredacted and unreviewed (logged under your name)</source>
        <translation>Оприлюднити цю фотографію з неприхованими й неперевіреними обличчями (записується в журнал під вашим ім’ям)</translation>
    </message>
    <message>
        <source>Faces: not scanned yet (File &gt; Find faces to review…)</source>
        <translation>Обличчя: ще не шукали (Файл &gt; Знайти обличчя для перевірки…)</translation>
    </message>
    <message>
        <source>Faces: %1 — galleries withhold this photo until you decide</source>
        <translation>Обличчя: %1 — галереї не оприлюднять цю фотографію, доки ви не вирішите</translation>
    </message>
    <message>
        <source>Faces: %1</source>
        <translation>Обличчя: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any camera</source>
        <translation>Будь-яка камера</translation>
    </message>
    <message>
        <source>Search captions, keywords, incidents, places, cameras, file names…</source>
        <translation>Пошук у підписах, ключових словах, інцидентах, місцях, камерах, назвах файлів…</translation>
    </message>
    <message>
        <source>Show photos with every word typed (or a word beginning with it) in the caption, keywords, incident name or place, camera or file name; any case, any script (Ctrl+F)</source>
        <translation>Показати фотографії, у яких кожне введене слово (або слово, що з нього починається) є в підписі, ключових словах, назві чи місці інциденту, камері або назві файлу; регістр і абетка не мають значення (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show photos from one camera</source>
        <translation>Показати фотографії з однієї камери</translation>
    </message>
    <message>
        <source>With or without GPS</source>
        <translation>З GPS і без</translation>
    </message>
    <message>
        <source>With GPS</source>
        <translation>З GPS</translation>
    </message>
    <message>
        <source>Without GPS</source>
        <translation>Без GPS</translation>
    </message>
    <message>
        <source>Filter by whether the photo records a position</source>
        <translation>Фільтр за тим, чи записано координати фотографії</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Capture date, as the camera recorded it</source>
        <translation>Дата зйомки, як її записала камера</translation>
    </message>
    <message>
        <source>Recorded as %1</source>
        <translation>Записано як %1</translation>
    </message>
    <message>
        <source>Show photos from one camera: %1</source>
        <translation>Показати фотографії з однієї камери: %1</translation>
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
    <name>HistoryTable</name>
    <message>
        <source>When (local)</source>
        <translation>Коли (місцевий час)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Було</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Стало</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>запис %1</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Copy the selected entries (all if none is selected) as lines of text</source>
        <translation>Копіювати вибрані записи (усі, якщо нічого не вибрано) як рядки тексту</translation>
    </message>
    <message>
        <source>History of photo %1 (custody log, newest first)</source>
        <translation>Історія фотографії %1 (журнал ланцюга зберігання, спочатку найновіші)</translation>
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
    <name>Inspector</name>
    <message>
        <source>zone written by the camera (EXIF offset)</source>
        <translation>пояс записала камера (зсув EXIF)</translation>
    </message>
    <message>
        <source>zone from the GPS time stamp</source>
        <translation>пояс за позначкою часу GPS</translation>
    </message>
    <message>
        <source>zone at the GPS position (offline lookup)</source>
        <translation>пояс за координатами GPS (визначено офлайн)</translation>
    </message>
    <message>
        <source>zone unknown: local camera time</source>
        <translation>пояс невідомий: місцевий час камери</translation>
    </message>
    <message>
        <source>time from XMP (no EXIF time); its zone as written, else at the GPS position</source>
        <translation>час з XMP (немає часу EXIF); пояс як записано, інакше за координатами GPS</translation>
    </message>
    <message>
        <source>time from IPTC (no EXIF time); its zone as written, else at the GPS position</source>
        <translation>час з IPTC (немає часу EXIF); пояс як записано, інакше за координатами GPS</translation>
    </message>
    <message>
        <source>no capture time recorded</source>
        <translation>час зйомки не записано</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Інспектор</translation>
    </message>
    <message>
        <source>No photo selected</source>
        <translation>Фотографію не вибрано</translation>
    </message>
    <message>
        <source>Caption: what this photo shows</source>
        <translation>Підпис: що зображено на фотографії</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation>Зберегти підпис</translation>
    </message>
    <message>
        <source>Save the caption (Ctrl+Return); Ctrl+Z undoes it</source>
        <translation>Зберегти підпис (Ctrl+Return); Ctrl+Z скасовує збереження</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Знято</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Розміри</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Імпортовано</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублікат</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Попередження</translation>
    </message>
    <message>
        <source>Redactions</source>
        <translation>Приховування</translation>
    </message>
    <message>
        <source>History (custody log, newest first)</source>
        <translation>Історія (журнал ланцюга зберігання, спочатку найновіші)</translation>
    </message>
    <message>
        <source>Open history in a window…</source>
        <translation>Відкрити історію у вікні…</translation>
    </message>
    <message>
        <source>The same history, wide, with UTC times; it follows the photo shown here</source>
        <translation>Та сама історія, широка, з часом UTC; показує фотографію, вибрану тут</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>Координати GPS</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Copy the position as «latitude, longitude»</source>
        <translation>Копіювати координати як «широта, довгота»</translation>
    </message>
    <message>
        <source>Map…</source>
        <translation>Мапа…</translation>
    </message>
    <message>
        <source>Open the position on OpenStreetMap in your browser (needs a network; nothing is sent unless you click)</source>
        <translation>Відкрити місце на OpenStreetMap у браузері (потрібна мережа; нічого не надсилається, доки ви не натиснете)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos selected</source>
        <translation>
            <numerusform>Вибрано %Ln фотографію</numerusform>
            <numerusform>Вибрано %Ln фотографії</numerusform>
            <numerusform>Вибрано %Ln фотографій</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
(camera clock corrected %2; recorded %3)</source>
        <translation>%1
(годинник камери виправлено на %2; записано %3)</translation>
    </message>
    <message>
        <source>altitude %1 m</source>
        <translation>висота %1 м</translation>
    </message>
    <message>
        <source>from a track</source>
        <translation>з треку</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручну</translation>
    </message>
    <message>
        <source>%1; not the camera’s GPS</source>
        <translation>%1; не GPS камери</translation>
    </message>
    <message>
        <source> · serial %1</source>
        <translation> · серійний номер %1</translation>
    </message>
    <message>
        <source> · EXIF orientation %1</source>
        <translation> · орієнтація EXIF %1</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пікс.</translation>
    </message>
    <message>
        <source>%1 · %2 MB</source>
        <translation>%1 · %2 МБ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>no position recorded</source>
        <translation>координати не записано</translation>
    </message>
    <message>
        <source>marked as a duplicate of photo %1 (the keeper)</source>
        <translation>позначено як дублікат фотографії %1 (основної)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Завантаження попереднього перегляду…</translation>
    </message>
    <message>
        <source>No custody log entry names this photo.</source>
        <translation>Жоден запис журналу ланцюга зберігання не стосується цієї фотографії.</translation>
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
    <name>LogViewer</name>
    <message>
        <source>Any action</source>
        <translation>Будь-яка дія</translation>
    </message>
    <message>
        <source>Any operator</source>
        <translation>Будь-який оператор</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>Коли (місцевий час)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фотографія</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Було</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Стало</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Журнал ланцюга зберігання</translation>
    </message>
    <message>
        <source>Show entries of one action</source>
        <translation>Показати записи однієї дії</translation>
    </message>
    <message>
        <source>Show entries one operator wrote</source>
        <translation>Показати записи одного оператора</translation>
    </message>
    <message>
        <source>Photo id</source>
        <translation>Номер фотографії</translation>
    </message>
    <message>
        <source>Show entries about one photo (its id, as the inspector shows it)</source>
        <translation>Показати записи про одну фотографію (її номер, як в інспекторі)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>The day the entry was written (UTC)</source>
        <translation>День, коли зроблено запис (UTC)</translation>
    </message>
    <message>
        <source>Custody log entries</source>
        <translation>Записи журналу ланцюга зберігання</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries match</source>
        <translation>
            <numerusform>Знайдено %Ln запис</numerusform>
            <numerusform>Знайдено %Ln записи</numerusform>
            <numerusform>Знайдено %Ln записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries match; the newest %1 are shown</source>
        <translation>
            <numerusform>Знайдено %Ln запис; показано %1 найновіших</numerusform>
            <numerusform>Знайдено %Ln записи; показано %1 найновіших</numerusform>
            <numerusform>Знайдено %Ln записів; показано %1 найновіших</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photos</source>
        <translation>Фотографії</translation>
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
        <source>Last tried</source>
        <translation>Остання спроба</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Мапа</translation>
    </message>
    <message>
        <source>&amp;New catalogue…</source>
        <translation>&amp;Новий каталог…</translation>
    </message>
    <message>
        <source>Create a catalogue in an empty folder</source>
        <translation>Створити каталог у порожній теці</translation>
    </message>
    <message>
        <source>&amp;Open catalogue…</source>
        <translation>&amp;Відкрити каталог…</translation>
    </message>
    <message>
        <source>Open a catalogue folder</source>
        <translation>Відкрити теку каталогу</translation>
    </message>
    <message>
        <source>Open catalogue &amp;read-only…</source>
        <translation>Відкрити каталог &amp;лише для читання…</translation>
    </message>
    <message>
        <source>Open a catalogue to browse and verify it, changing nothing (chosen by itself on read-only media)</source>
        <translation>Відкрити каталог, щоб переглядати й перевіряти його, нічого не змінюючи (вибирається саме на носіях лише для читання)</translation>
    </message>
    <message>
        <source>&amp;Import photos…</source>
        <translation>&amp;Імпортувати фотографії…</translation>
    </message>
    <message>
        <source>Import photos from files or folders (or drop them on the window)</source>
        <translation>Імпортувати фотографії з файлів або тек (або перетягніть їх у вікно)</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Імпортувати &amp;теку…</translation>
    </message>
    <message>
        <source>Import every photo under a folder</source>
        <translation>Імпортувати всі фотографії з теки</translation>
    </message>
    <message>
        <source>&amp;Verify catalogue…</source>
        <translation>П&amp;еревірити каталог…</translation>
    </message>
    <message>
        <source>Re-hash every original and check the record</source>
        <translation>Заново обчислити хеш кожного оригіналу й перевірити записи</translation>
    </message>
    <message>
        <source>Find &amp;faces to review…</source>
        <translation>Знайти &amp;обличчя для перевірки…</translation>
    </message>
    <message>
        <source>Look for faces offline (worker processes); galleries withhold them until reviewed</source>
        <translation>Шукати обличчя офлайн (у фонових процесах); галереї не оприлюднюють їх до перевірки</translation>
    </message>
    <message>
        <source>&amp;Export gallery…</source>
        <translation>&amp;Експортувати галерею…</translation>
    </message>
    <message>
        <source>Publish a gallery</source>
        <translation>Оприлюднити галерею</translation>
    </message>
    <message>
        <source>Export evidence &amp;package…</source>
        <translation>Експортувати &amp;пакет доказів…</translation>
    </message>
    <message>
        <source>An evidence package for investigators</source>
        <translation>Пакет доказів для документаторів</translation>
    </message>
    <message>
        <source>Export positions as &amp;GeoJSON…</source>
        <translation>Експортувати координати в &amp;GeoJSON…</translation>
    </message>
    <message>
        <source>Write the photos&apos; positions as GeoJSON</source>
        <translation>Записати координати фотографій у форматі GeoJSON</translation>
    </message>
    <message>
        <source>Export positions as &amp;KML…</source>
        <translation>Експортувати координати в &amp;KML…</translation>
    </message>
    <message>
        <source>Write the photos&apos; positions as KML</source>
        <translation>Записати координати фотографій у форматі KML</translation>
    </message>
    <message>
        <source>Export the catalogue as a CSV &amp;table…</source>
        <translation>Експортувати каталог як &amp;таблицю CSV…</translation>
    </message>
    <message>
        <source>Write one row per photo</source>
        <translation>Записати по рядку на кожну фотографію</translation>
    </message>
    <message>
        <source>&amp;Sign changes with a key…</source>
        <translation>Підпис&amp;увати зміни ключем…</translation>
    </message>
    <message>
        <source>Unlock your key once: every change then ends with a signed checkpoint</source>
        <translation>Розблокуйте ключ один раз: далі кожна зміна завершується підписаною контрольною точкою</translation>
    </message>
    <message>
        <source>S&amp;top signing</source>
        <translation>Припинити п&amp;ідписування</translation>
    </message>
    <message>
        <source>Changes are no longer signed</source>
        <translation>Зміни більше не підписуються</translation>
    </message>
    <message>
        <source>&amp;Checkpoint now</source>
        <translation>&amp;Контрольна точка зараз</translation>
    </message>
    <message>
        <source>Sign the custody log&apos;s head now</source>
        <translation>Підписати зараз останній запис журналу ланцюга зберігання</translation>
    </message>
    <message>
        <source>&amp;Time-stamp the record…</source>
        <translation>Поставити позначку &amp;часу…</translation>
    </message>
    <message>
        <source>Have a time-stamping authority sign the time of the custody log&apos;s head</source>
        <translation>Попросити службу позначок часу підписати час останнього запису журналу ланцюга зберігання</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Закрити вікно</translation>
    </message>
    <message>
        <source>&amp;View photo</source>
        <translation>&amp;Переглянути фотографію</translation>
    </message>
    <message>
        <source>Show the selected photo full screen</source>
        <translation>Показати вибрану фотографію на весь екран</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Знайти…</translation>
    </message>
    <message>
        <source>Search captions, keywords, incidents, places, cameras, file names</source>
        <translation>Пошук у підписах, ключових словах, інцидентах, місцях, камерах, назвах файлів</translation>
    </message>
    <message>
        <source>&amp;Save search…</source>
        <translation>З&amp;берегти пошук…</translation>
    </message>
    <message>
        <source>Save the collection and filters shown under a name</source>
        <translation>Зберегти показану добірку й фільтри під назвою</translation>
    </message>
    <message>
        <source>Custody &amp;log…</source>
        <translation>&amp;Журнал ланцюга зберігання…</translation>
    </message>
    <message>
        <source>Every logged change, filtered by action, operator, photo or date</source>
        <translation>Усі записані зміни з фільтром за дією, оператором, фотографією або датою</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>Б&amp;ільші мініатюри</translation>
    </message>
    <message>
        <source>Make thumbnails larger</source>
        <translation>Збільшити мініатюри</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>&amp;Менші мініатюри</translation>
    </message>
    <message>
        <source>Make thumbnails smaller</source>
        <translation>Зменшити мініатюри</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Вибрати &amp;все</translation>
    </message>
    <message>
        <source>Select every photo shown</source>
        <translation>Вибрати всі показані фотографії</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Новий інцидент…</translation>
    </message>
    <message>
        <source>Add an incident</source>
        <translation>Додати інцидент</translation>
    </message>
    <message>
        <source>&amp;Edit incident…</source>
        <translation>&amp;Редагувати інцидент…</translation>
    </message>
    <message>
        <source>Edit the incident chosen in the sidebar</source>
        <translation>Редагувати інцидент, вибраний на бічній панелі</translation>
    </message>
    <message>
        <source>&amp;Merge incident into…</source>
        <translation>&amp;Об’єднати інцидент з…</translation>
    </message>
    <message>
        <source>Move its photos into another incident</source>
        <translation>Перенести його фотографії до іншого інциденту</translation>
    </message>
    <message>
        <source>&amp;Archive incident</source>
        <translation>&amp;Архівувати інцидент</translation>
    </message>
    <message>
        <source>Hide the incident; its photos stay tagged</source>
        <translation>Приховати інцидент; його фотографії залишаються прив’язаними</translation>
    </message>
    <message>
        <source>&amp;Delete incident…</source>
        <translation>&amp;Видалити інцидент…</translation>
    </message>
    <message>
        <source>Delete the incident; its photos are untagged</source>
        <translation>Видалити інцидент; його фотографії буде відв’язано</translation>
    </message>
    <message>
        <source>&amp;Tag selection to incident…</source>
        <translation>&amp;Прив’язати вибране до інциденту…</translation>
    </message>
    <message>
        <source>Tag the selected photos to an incident</source>
        <translation>Прив’язати вибрані фотографії до інциденту</translation>
    </message>
    <message>
        <source>&amp;Untag selection</source>
        <translation>В&amp;ідв’язати вибране</translation>
    </message>
    <message>
        <source>Take the selected photos out of their incident</source>
        <translation>Відв’язати вибрані фотографії від їхнього інциденту</translation>
    </message>
    <message>
        <source>&amp;Caption selection from a template…</source>
        <translation>Підписати вибране за &amp;шаблоном…</translation>
    </message>
    <message>
        <source>Caption the selected photos from a template</source>
        <translation>Підписати вибрані фотографії за шаблоном</translation>
    </message>
    <message>
        <source>&amp;Suggest incidents for untagged photos…</source>
        <translation>Запропонувати &amp;інциденти для неприв’язаних фотографій…</translation>
    </message>
    <message>
        <source>Incidents whose area and dates fit untagged photos</source>
        <translation>Інциденти, місцевість і дати яких підходять неприв’язаним фотографіям</translation>
    </message>
    <message>
        <source>&amp;Operator name…</source>
        <translation>&amp;Ім’я оператора…</translation>
    </message>
    <message>
        <source>The name recorded with your work</source>
        <translation>Ім’я, яке записується з вашою роботою</translation>
    </message>
    <message>
        <source>&amp;About catalog_app</source>
        <translation>&amp;Про catalog_app</translation>
    </message>
    <message>
        <source>Versions of catalog_app and its libraries</source>
        <translation>Версії catalog_app та його бібліотек</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Відкрити &amp;недавні</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Зміни</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Перегляд</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Мапа</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Інциденти</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Налаштування</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основна</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>Follow the language of the system</source>
        <translation>Використовувати мову системи</translation>
    </message>
    <message>
        <source>on read-only media (or write-protected)</source>
        <translation>на носії лише для читання (або захищений від запису)</translation>
    </message>
    <message>
        <source>open read-only</source>
        <translation>відкритий лише для читання</translation>
    </message>
    <message>
        <source>Read-only: this catalogue is %1. You can browse and verify it; nothing can be changed, and nothing you do is logged.</source>
        <translation>Лише для читання: цей каталог %1. Його можна переглядати й перевіряти; нічого не можна змінити, і ваші дії не записуються в журнал.</translation>
    </message>
    <message>
        <source>Not available: this catalogue is %1, so nothing can be changed.</source>
        <translation>Недоступно: цей каталог %1, тож нічого не можна змінити.</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (лише для читання)</translation>
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
    <name>MemberCard</name>
    <message>
        <source>KEEPER</source>
        <translation>ОСНОВНА</translation>
    </message>
    <message numerus="yes">
        <source>distance %Ln bits</source>
        <translation>
            <numerusform>відстань %Ln біт</numerusform>
            <numerusform>відстань %Ln біти</numerusform>
            <numerusform>відстань %Ln бітів</numerusform>
        </translation>
    </message>
    <message>
        <source>differs from the keeper</source>
        <translation>відрізняється від основної</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Залишити цю</translation>
    </message>
    <message>
        <source>Keep this photo; link the others to it as duplicates (nothing is deleted)</source>
        <translation>Залишити цю фотографію; пов’язати з нею інші як дублікати (нічого не видаляється)</translation>
    </message>
</context>
<context>
    <name>OrderBar</name>
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
    <message>
        <source>The order of the photos in the grid</source>
        <translation>Порядок фотографій у сітці</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Сортувати за</translation>
    </message>
    <message>
        <source>Group by day</source>
        <translation>Групувати за днями</translation>
    </message>
    <message>
        <source>Show each day’s photos after a header with the date and count (the import day when sorted by import time)</source>
        <translation>Показувати фотографії кожного дня під заголовком з датою й кількістю (день імпорту, якщо сортування за часом імпорту)</translation>
    </message>
</context>
<context>
    <name>PhotoGridView</name>
    <message>
        <source>Drop photos or folders here, or use Import photos</source>
        <translation>Перетягніть сюди фотографії чи теки або скористайтеся «Імпортувати фотографії»</translation>
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
    <name>Sidebar</name>
    <message>
        <source>All photos</source>
        <translation>Усі фотографії</translation>
    </message>
    <message>
        <source>Every photo in the catalogue</source>
        <translation>Усі фотографії каталогу</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>Не прив’язані</translation>
    </message>
    <message>
        <source>Photos not yet tagged to an incident</source>
        <translation>Фотографії, ще не прив’язані до інциденту</translation>
    </message>
    <message>
        <source>No GPS</source>
        <translation>Без GPS</translation>
    </message>
    <message>
        <source>Photos without a position</source>
        <translation>Фотографії без координат</translation>
    </message>
    <message>
        <source>No capture time</source>
        <translation>Без часу зйомки</translation>
    </message>
    <message>
        <source>Photos whose EXIF holds no capture time</source>
        <translation>Фотографії, в EXIF яких немає часу зйомки</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дублікати</translation>
    </message>
    <message>
        <source>Groups of copies to review: keep one, link the rest</source>
        <translation>Групи копій для перевірки: залиште одну, пов’яжіть решту</translation>
    </message>
    <message>
        <source>Marked duplicates</source>
        <translation>Позначені дублікати</translation>
    </message>
    <message>
        <source>Copies linked to a kept photo (never deleted)</source>
        <translation>Копії, пов’язані з основною фотографією (ніколи не видаляються)</translation>
    </message>
    <message>
        <source>Failed imports</source>
        <translation>Невдалий імпорт</translation>
    </message>
    <message>
        <source>Files that could not be imported, with the reason</source>
        <translation>Файли, які не вдалося імпортувати, з причиною</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>На перевірку</translation>
    </message>
    <message>
        <source>Graphic</source>
        <translation>Шокуючий вміст</translation>
    </message>
    <message>
        <source>Photos flagged graphic (blurred behind a warning when published)</source>
        <translation>Фотографії з позначкою «шокуючий вміст» (при оприлюдненні розмиваються за попередженням)</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>З обмеженим доступом</translation>
    </message>
    <message>
        <source>Photos flagged restricted (they never leave)</source>
        <translation>Фотографії з позначкою «з обмеженим доступом» (ніколи не залишають каталог)</translation>
    </message>
    <message>
        <source>Check caption</source>
        <translation>Перевірити підпис</translation>
    </message>
    <message>
        <source>Photos whose caption is to be checked</source>
        <translation>Фотографії, підпис яких треба перевірити</translation>
    </message>
    <message>
        <source>Redaction not reviewed</source>
        <translation>Приховування не перевірено</translation>
    </message>
    <message>
        <source>Photos with proposed redaction regions, or faces found with no decision yet</source>
        <translation>Фотографії із запропонованими ділянками приховування або знайденими обличчями без рішення</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Добірки</translation>
    </message>
    <message>
        <source>Forget this saved search</source>
        <translation>Забути цей збережений пошук</translation>
    </message>
    <message>
        <source>Restore incident</source>
        <translation>Відновити інцидент</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Збережені пошуки</translation>
    </message>
    <message>
        <source>Show the saved search %1 (right-click to forget it)</source>
        <translation>Показати збережений пошук %1 (клацніть правою кнопкою, щоб забути)</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Інциденти</translation>
    </message>
    <message>
        <source>Photos tagged to %1</source>
        <translation>Фотографії, прив’язані до «%1»</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключові слова</translation>
    </message>
    <message>
        <source>Photos with the keyword %1</source>
        <translation>Фотографії з ключовим словом %1</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Камери</translation>
    </message>
    <message>
        <source>Photos made by the camera recorded as %1</source>
        <translation>Фотографії, зроблені камерою, записаною як %1</translation>
    </message>
    <message>
        <source>Archived incidents</source>
        <translation>Архівовані інциденти</translation>
    </message>
    <message>
        <source>Archived incident %1 (right-click to restore)</source>
        <translation>Архівований інцидент %1 (клацніть правою кнопкою, щоб відновити)</translation>
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
    <name>Viewer</name>
    <message>
        <source>Drag over the photo to hide a part of it.  R rectangle, E ellipse, B blur, P pixelate, F fill, N new region, Tab next region, Delete remove, Enter confirm, Ctrl+Z undo.  ←/→ previous/next, 1 actual pixels, 0 fit, L loupe (1:1 under the mouse)</source>
        <translation>Проведіть по фотографії, щоб приховати її частину.  R прямокутник, E еліпс, B розмиття, P пікселізація, F заливка, N нова ділянка, Tab наступна ділянка, Delete видалити, Enter підтвердити, Ctrl+Z скасувати.  ←/→ попередня/наступна, 1 справжній розмір, 0 за розміром вікна, L лупа (1:1 під курсором)</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Прямокутник</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Еліпс</translation>
    </message>
    <message>
        <source>Blur (irreversible)</source>
        <translation>Розмиття (незворотне)</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Пікселізація</translation>
    </message>
    <message>
        <source>Solid fill</source>
        <translation>Суцільна заливка</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фотографія</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>Region shape</source>
        <translation>Форма ділянки</translation>
    </message>
    <message>
        <source>Redaction method</source>
        <translation>Спосіб приховування</translation>
    </message>
    <message>
        <source>Confirm proposed region</source>
        <translation>Підтвердити запропоновану ділянку</translation>
    </message>
    <message>
        <source>Remove region</source>
        <translation>Видалити ділянку</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Спосіб</translation>
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
