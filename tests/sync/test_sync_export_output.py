"""Where ``sync export`` writes: ``-o`` naming a folder puts the package into it; a file in a folder that does not
exist is refused before any package is made (the next export is still number 1); a file that cannot be written
after the package was recorded as sent names the ``resend`` that writes the same bytes again."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.sync import cli, ok


def _exported(out: str) -> list[dict[str, object]]:
    return json.loads(out)


def test_o_naming_a_folder_writes_into_it(pair: dict[str, Path]) -> None:
    folder = pair["dir"] / "outbox"
    folder.mkdir()
    (written,) = _exported(ok("--db", pair["district"], "sync", "export", "--to", "511100", "-o", folder, "--json"))
    assert Path(str(written["file"])).parent == folder and written["seq"] == 1
    assert Path(str(written["file"])).name.startswith("CD-511111-e1-1-to-511100")


def test_a_missing_folder_is_refused_before_a_package_is_made(pair: dict[str, Path]) -> None:
    code, out, err = cli("--db", pair["district"], "sync", "export", "--to", "511100",
                         "-o", pair["dir"] / "no such folder" / "first.cdsync")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "no such folder" in err and "Traceback" not in err, err
    (written,) = _exported(ok("--db", pair["district"], "sync", "export", "--to", "511100", "--dir", pair["dir"],
                              "--json"))
    assert written["seq"] == 1  # nothing was recorded as sent


def test_a_package_not_written_names_the_resend_that_writes_it(pair: dict[str, Path]) -> None:
    target = pair["dir"] / "first.cdsync"
    (pair["dir"] / "first.cdsync.part").mkdir()  # where the package is written first: cannot be a file
    code, out, err = cli("--lang", "en", "--db", pair["district"], "sync", "export", "--to", "511100", "-o", target)
    assert code != 0 and not target.exists()
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "Package 1 was made and recorded as sent" in err and "sync resend --to 511100 --seq 1" in err, err
    again = pair["dir"] / "again.cdsync"
    ok("--db", pair["district"], "sync", "resend", "--to", "511100", "--seq", "1", "-o", again)
    code, out, err = cli("--db", pair["city"], "sync", "import", again, "--json")
    assert code == 0 and [r["status"] for r in json.loads(out)] == ["applied"], (out, err)
