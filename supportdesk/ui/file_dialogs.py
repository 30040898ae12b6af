"""Choosing a file in the UI language. PySide6 ships no Vietnamese translation of Qt's file
dialog, so the app uses Qt's own (non-native) dialog with its labels set here; the few texts
left (column titles, context menu) come from resources/i18n/qt_vi.ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _dialog(parent: QWidget | None, title: str, name: str, filters: str, save: bool):
    dialog = QFileDialog(parent, title, name, filters)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    t = QCoreApplication.translate
    labels = {
        QFileDialog.DialogLabel.LookIn: t("FileDialogs", "Thư mục:"),
        QFileDialog.DialogLabel.FileName: t("FileDialogs", "Tên tệp:"),
        QFileDialog.DialogLabel.FileType: t("FileDialogs", "Loại tệp:"),
        QFileDialog.DialogLabel.Accept: t("FileDialogs", "Lưu") if save else t("FileDialogs", "Mở"),
        QFileDialog.DialogLabel.Reject: t("FileDialogs", "Huỷ"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    return dialog


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    dialog = _dialog(parent, title, "", filters, save=False)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> str | None:
    dialog = _dialog(parent, title, name, filters, save=True)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None
