"""Refresh the English translation of the GUI.

    python scripts/translations.py          # lupdate -> fill from en.json -> lrelease; lists what is missing

The GUI's source strings are Chinese (the default language); ``resources/i18n/en.json`` and the per-feature
files ``resources/i18n/en/*.json`` map each of them to English.  The script extracts the strings with
``pyside6-lupdate`` into ``civicdesk_en.ts``, fills every translation from the JSON, and compiles
``civicdesk_en.qm`` with ``pyside6-lrelease`` (both tools come with PySide6).  The .ts and .qm are committed,
so nothing is compiled at run time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "civicdesk_en.ts"
QM = I18N / "civicdesk_en.qm"
WORDS = I18N / "en.json"
FRAGMENTS = I18N / "en"  # one file per feature (en/printing.json, ...), merged with en.json


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def main() -> int:
    TS.unlink(missing_ok=True)  # en.json is the source of truth; the .ts is made afresh each time
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "civicdesk" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS), "-source-language", "zh_CN",
                    "-target-language", "en", "-no-obsolete"], check=True, cwd=ROOT, capture_output=True)
    words: dict[str, str | list[str]] = {}
    for path in [WORDS, *sorted(FRAGMENTS.glob("*.json"))]:
        if path.exists():
            words.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(TS)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            # "Context|source" in the JSON overrides the plain entry where one word reads differently in a window
            missing += fill(message, words.get(f"{name}|{source}", words.get(source)), source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for source in sorted(set(missing)):
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


def fill(message: ET.Element, value: str | list[str] | None, source: str) -> list[str]:
    """Put ``value`` into the message's translation; ``[source]`` when there is none."""
    translation = message.find("translation")
    assert translation is not None
    if value is None:
        return [source]
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":  # plural forms: English has two (one, other)
        forms = value if isinstance(value, list) else [value, value]
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value
    return []


if __name__ == "__main__":
    raise SystemExit(main())
