"""The window's language: Qt translators for our strings and Qt's own, the locale, and gettext."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from catalog_app import i18n

LOCALES = {"en": QLocale.Language.English, "uk": QLocale.Language.Ukrainian}
NAMES = {"en": "English", "uk": "Українська"}  # each in its own language, never translated

_installed: list[QTranslator] = []


def system_language() -> str:
    """The system locale's language when the app speaks it, else English."""
    return i18n.normalise(QLocale.system().name()) or i18n.DEFAULT


def install(app: QCoreApplication, language: str) -> str:
    """Translate the window into `language` (from now on: built widgets keep their text).
    Returns the language installed."""
    language = i18n.normalise(language) or i18n.DEFAULT
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = resources.files("catalog_app.gui").joinpath("i18n", f"catalog_app_{language}.qm")
    for name, directory in ((f"qtbase_{language}", qt_dir), (str(ours), "")):
        translator = QTranslator(app)
        if translator.load(name, directory) if directory else translator.load(name):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(LOCALES[language]))
    i18n.set_language(language)
    return language
