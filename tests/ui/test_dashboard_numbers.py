"""The dashboard's big amounts as each language counts them: 万 in Chinese, millions in English."""

from __future__ import annotations

from typing import Any

from civicdesk.ui.dashboard.charts import short_number
from civicdesk.ui.dashboard.panel import _yuan
from civicdesk.ui.main import install_translators


def test_chinese_counts_in_wan_and_english_in_millions(qapp: Any) -> None:
    assert (short_number(3_250_000), _yuan("32100000"), _yuan("9500")) == ("325万", "3,210.0 万元", "9,500.00 元")
    translators = install_translators(qapp, "en")
    try:
        assert short_number(3_250_000) == "3.25M" and short_number(15_000_000) == "15M"
        assert (_yuan("32100000"), _yuan("1350000"), _yuan("9500")) == ("32.10 million yuan", "1.35 million yuan",
                                                                         "9,500.00 yuan")
    finally:
        for t in translators:
            qapp.removeTranslator(t)
