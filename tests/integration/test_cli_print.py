"""``civicdesk print`` end to end: the issue's two commands on the demo data, the public version, the JSON
report, and the errors (unknown kind, missing organization, bad output path) with nothing written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from civicdesk.app import main
from tests.services.test_printing import assert_fonts_embedded, personal_numbers, text_of
from tests.helpers.cli import run


def test_register_of_shawan_and_statistics_of_the_city(city_db_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    register, report = tmp_path / "r.pdf", tmp_path / "s.pdf"
    code, out, err = run(capsys, "--db", str(city_db_path), "print", "register", "--division", "511111",
                         "-o", str(register))
    assert code == 0, err
    pages = len(PdfReader(str(register)).pages)
    assert "已生成" in out and f"共 {pages} 页" in out
    text = text_of(register)
    assert "乐山市沙湾区社会组织名录" in text and f"共 {pages} 页" in text and "合计" in text
    assert_fonts_embedded(register)

    code, out, err = run(capsys, "--db", str(city_db_path), "print", "statistics", "-o", str(report), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["kind"] == "statistics" and result["registered"] == 1831 and result["community"] == 5611
    assert (result["community_registered"], result["filed"], result["guided"]) == (89, 52, 5470)
    assert result["per_10k_population"] == 5.08 and result["pages"] == len(PdfReader(str(report)).pages)
    flat = re.sub(r"\s+", "", text_of(report))
    for figure in ("1,831", "5,611", "89个", "52个", "5,470", "5.08"):
        assert figure in flat
    assert_fonts_embedded(report)
    if shutil.which("pdffonts"):  # the check, with poppler's own tool where it is installed
        listing = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), listing


def test_public_register_and_organization_sheet(shawan_db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "public.pdf"
    code, _out, err = run(capsys, "--db", str(shawan_db_path), "print", "register", "--all", "--group", "township",
                          "--public", "-o", str(out_file))
    assert code == 0, err
    flat = re.sub(r"\s+", "", text_of(out_file))
    assert "公开版" in flat and "铜河街道" in flat
    assert [n for n in personal_numbers(shawan_db_path) if n in flat] == []

    code, out, err = run(capsys, "--db", str(shawan_db_path), "org", "list", "--limit", "1", "--json")
    org = json.loads(out)[0]
    sheet = tmp_path / "sheet.pdf"
    code, out, err = run(capsys, "--db", str(shawan_db_path), "--lang", "en", "print", "organization",
                         org["uscc"] or org["id"], "-o", str(sheet), "--public")
    assert code == 0, err
    assert out.startswith("Written:") and "public" in out
    text = text_of(sheet)
    assert org["name"] in text.replace("\n", "") and "社会组织登记信息表" in text
    assert [n for n in personal_numbers(shawan_db_path) if n in re.sub(r"\s+", "", text)] == []


def test_errors_are_one_line_and_write_nothing(shawan_db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, _out, err = run(capsys, "--db", str(shawan_db_path), "print", "minutes", "-o", str(folder / "f.pdf"))
    assert code != 0 and "minutes" in err and "register" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "--db", str(shawan_db_path), "--lang", "en", "print", "organization", "nobody",
                          "-o", str(folder / "o.pdf"))
    assert code != 0 and "No organization 'nobody'" in err
    code, _out, err = run(capsys, "--db", str(shawan_db_path), "print", "register", "-o",
                          str(tmp_path / "missing" / "r.pdf"))
    assert code != 0 and "不存在" in err
    code, _out, err = run(capsys, "--db", str(shawan_db_path), "print", "register", "--font",
                          str(tmp_path / "nope.ttf"), "-o", str(folder / "r.pdf"))
    assert code != 0 and "nope.ttf" in err
    assert list(folder.iterdir()) == []
    with pytest.raises(SystemExit) as info:  # argparse: a missing -o is a usage error (exit 2)
        main(["--db", str(shawan_db_path), "print", "register"])
    assert info.value.code == 2
