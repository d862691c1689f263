"""Making this office's sync keys from the Sync window: the new key passphrase typed twice.

:class:`NewPassphraseDialog` says under the fields what is wrong (too short, the two differ) and enables
生成 only when the pair is good.  :func:`passphrase_problem` is the rule, for the dialog and its tests.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from civicdesk.services.sync.own_card import MIN_PASSPHRASE

ERROR_STYLE = "color: #b00020;"


def passphrase_problem(first: str, second: str) -> str | None:
    """What is wrong with a new passphrase typed twice, in words; None when it is good."""
    if len(first) < MIN_PASSPHRASE:
        return QCoreApplication.translate("NewPassphraseDialog", "口令至少需要 %1 个字符（现为 %2 个）。") \
            .replace("%1", str(MIN_PASSPHRASE)).replace("%2", str(len(first)))
    if first != second:
        return QCoreApplication.translate("NewPassphraseDialog", "两次输入的口令不一致。")
    return None


class NewPassphraseDialog(QDialog):
    """The passphrase that will protect this office's private keys, typed twice."""

    def __init__(self, office_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成本单位同步密钥"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "本单位（%1）还没有同步密钥。同步包用它签名和解密，单位名片上的指纹由它算出。"
            "请设定保护密钥的口令：每次导出或导入同步包时都要输入，请妥善保管，遗失后只能重新生成密钥并请"
            "各单位重新信任本单位的名片。").replace("%1", office_name))
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(self.tr("至少 %1 个字符").replace("%1", str(MIN_PASSPHRASE)))
        self.second = QLineEdit()
        self.second.setObjectName("passphrase_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("口令："), self.first)
        form.addRow(self.tr("再次输入口令："), self.second)
        form.addRow("", self.message)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("生成密钥"))
        self.ok_button.setObjectName("make_keys")
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._typed)
        self._typed()

    def problem(self) -> str | None:
        return passphrase_problem(self.first.text(), self.second.text())

    def _typed(self) -> None:
        problem = self.problem()
        # calm while nothing is typed; then say what is wrong as it is typed
        self.message.setText(problem or "" if (self.first.text() or self.second.text()) else "")
        self.ok_button.setEnabled(problem is None)

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()

    def passphrase(self) -> str:
        return self.first.text()
