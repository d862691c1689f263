"""Trusting another office's card (SYNC.md, "Keys and trust"): the card's office and its fingerprint in groups of
digits, the instruction to compare it by phone on a number from the official directory, a warning when a known
office's key changed, and trust only after the admin ticks that the fingerprint matched.

The window reads and checks the card (``keys.check_card``) and trusts it (``keys.trust_card``) on its runner;
this dialog only shows the check and asks.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from civicdesk.services.sync import keys


def fingerprint_text(fingerprint: str) -> str:
    """Six groups of five digits on two lines of three, to be read out group by group."""
    groups = fingerprint.split()
    return "\n".join("   ".join(groups[i:i + 3]) for i in range(0, len(groups), 3))


class TrustCardDialog(QDialog):
    """The card of a new office, a changed key (warning) or the same keys again (nothing to do)."""

    def __init__(self, check: keys.TrustCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        card = check.card
        self.setWindowTitle(self.tr("信任单位名片"))
        self.setMinimumWidth(560)
        levels = {"city": self.tr("市级"), "district": self.tr("区县级")}
        form = QFormLayout()
        form.addRow(self.tr("单位："), QLabel(card.name))
        form.addRow(self.tr("代码："), QLabel(card.office_code))
        form.addRow(self.tr("级别："), QLabel(levels.get(card.level, card.level)))
        self.fingerprint = QLabel(fingerprint_text(card.fingerprint))
        self.fingerprint.setObjectName("fingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setStyleSheet("padding: 8px; border: 1px solid #888; background: #f6f6f6;")
        self.instruction = QLabel(self.tr(
            "请拨打官方通讯录上该单位的电话（不要用名片或邮件里附带的号码），请对方打开其 CivicDesk 的"
            "“同步 > 已信任单位”，读出标有“（本单位）”一行的指纹，与上面的数字逐组核对。只有全部一致才能信任。"))
        self.instruction.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("key_changed")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.confirmed = QCheckBox(self.tr("我已通过电话与对方逐组核对，指纹完全一致"))
        buttons = QDialogButtonBox()
        self.trust_button = QPushButton(self.tr("信任该单位"))
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if check.known and check.same_keys:
            self.warning.setStyleSheet("")
            self.warning.setText(self.tr("该单位已信任，密钥未变，无需再次信任。"))
            self.confirmed.setVisible(False)
            self.trust_button.setVisible(False)
        elif check.known:
            self.warning.setText(self.tr(
                "警告：该单位的密钥已更改！原指纹：{old}。除非对方确认更换了密钥（如重装电脑），否则请勿信任，"
                "并与对方联系。信任后将只接受新密钥签名的同步包。").format(old=check.previous_fingerprint))
            self.trust_button.setText(self.tr("信任新密钥"))
        else:
            self.warning.setVisible(False)
        self.trust_button.setEnabled(False)
        self.confirmed.toggled.connect(self.trust_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)  # first: a changed key must not be overlooked
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("新名片的指纹：") if check.known and not check.same_keys
                                else self.tr("名片的指纹：")))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.instruction)
        layout.addWidget(self.confirmed)
        layout.addWidget(buttons)
