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
</TS>
