"""UI languages: Vietnamese in the source, English from resources/i18n/supportdesk_en.qm.

Qt ships no Vietnamese translation of its own dialogs, so resources/i18n/qt_vi.qm covers the
standard buttons and the text-edit context menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from supportdesk import paths

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT = "vi"
_FILES = {"vi": ["qt_vi"], "en": ["supportdesk_en"]}


class Translations:
    """Installs the translators of one language and swaps them at run time."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT

    def remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def apply(self, language: str) -> str:
        language = language if language in LANGUAGES else DEFAULT
        self.remove()
        for name in _FILES[language]:
            translator = QTranslator(self._app)
            try:
                qm = paths.resource("i18n", f"{name}.qm")
            except FileNotFoundError:
                continue
            if translator.load(str(qm)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
        locale = QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.English)
        QLocale.setDefault(locale)
        self.language = language
        return language
