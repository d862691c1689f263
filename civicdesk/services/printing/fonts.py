"""The CJK TrueType fonts every print embeds, found in a fixed order and registered with reportlab.

Order, for each role (title 小标宋/宋体, body 仿宋, heading 黑体, kai 楷体):

1. the font set in preferences (one file, or one per role; ``path`` or ``path#index`` for a face of a .ttc);
2. the office PC's own fonts: Windows ``simsun.ttc simhei.ttf simfang.ttf simkai.ttf msyh.ttc`` (and the
   方正 / GB2312 faces offices install), Linux WenQuanYi and AR PL, then whatever fontconfig lists for Chinese;
3. Noto Sans SC, shipped by the ``justmytype-intl-cjk`` dependency.  It is a variable font whose default
   instance is Thin, so a static Regular instance is made once with fontTools' instancer (about 30 s) and
   kept in the user cache directory.

Only fonts with TrueType outlines (a ``glyf`` table) qualify: reportlab embeds and subsets those, not CFF
OpenType (.otf).  Nothing ever falls back to an unembedded CID font (STSong-Light): with no usable font,
:func:`resolve_fonts` raises ``print.font_missing``.  A role served by another role's face is logged as a
substitution and listed in :attr:`FontSet.substitutions`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from civicdesk.errors import InputError

log = logging.getLogger(__name__)

ROLES = ("title", "body", "heading", "kai")
ROLE_NAMES = {"title": "小标宋", "body": "仿宋", "heading": "黑体", "kai": "楷体"}

#: File names per role, best first (lower case).  A role's own faces come first, then the closest others.
_SONG = ("simsun.ttc", "simsun.ttf", "nsimsun.ttf", "songti.ttc", "uming.ttc")
_FANG = ("simfang.ttf", "fs_gb2312.ttf", "仿宋_gb2312.ttf", "fangsong.ttf", "stfangso.ttf")
_HEI = ("simhei.ttf", "msyh.ttc", "msyh.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc", "droidsansfallbackfull.ttf")
_KAI = ("simkai.ttf", "kaiti_gb2312.ttf", "楷体_gb2312.ttf", "stkaiti.ttf", "ukai.ttc")
_XBS = ("fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxiaobiaosong-b05s.ttf")
ROLE_FILES: dict[str, tuple[str, ...]] = {
    "title": _XBS + _SONG + _HEI + _FANG + _KAI,
    "body": _FANG + _SONG + _KAI + _HEI,
    "heading": _HEI + _SONG + _FANG + _KAI,
    "kai": _KAI + _FANG + _SONG + _HEI,
}
#: Which role a file name serves by its own design (to tell a substitution from a match).
_FILE_ROLE = {**{n: "title" for n in _XBS + _SONG}, **{n: "body" for n in _FANG}, **{n: "heading" for n in _HEI},
              **{n: "kai" for n in _KAI}}

BUNDLED_PACKAGE = "justmytype_intl_cjk"
BUNDLED_FILE = "fonts/ofl/notosanssc/NotoSansSC[wght].ttf"
BUNDLED_WEIGHT = 400
#: bumped when the way the instance is made changes, so that an old cached instance is not reused
INSTANCE_VERSION = 2
_TEST_CHARS = "中国社会组织名录第页共合计"


@dataclass(frozen=True)
class FontFace:
    """One face of a TrueType file, registered with reportlab under ``name``."""

    path: Path
    index: int
    family: str
    source: str  # preference | system | fontconfig | bundled
    name: str = ""

    def label(self) -> str:
        return f"{self.family} ({self.path.name}{'#' + str(self.index) if self.index else ''}, {self.source})"


@dataclass(frozen=True)
class FontSet:
    """The face for each role, plus the substitutions made (role wanted -> face used)."""

    title: FontFace
    body: FontFace
    heading: FontFace
    kai: FontFace
    substitutions: tuple[str, ...] = field(default=())

    def role(self, role: str) -> FontFace:
        return getattr(self, role)

    def fake_bold(self, role: str) -> bool:
        """A title set in a plain sans or song face is thickened (text drawn filled and stroked)."""
        face = self.role(role)
        return role == "title" and not face.path.name.lower().startswith(("fzxbs", "方正小标宋", "fzxiaobiaosong"))


# -- checking a candidate -------------------------------------------------------------------------------------
@cache
def _inspect(path: str, index: int) -> str | None:
    """The family name of a face with TrueType outlines and Chinese characters, else None."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(path, fontNumber=index, lazy=True)
        try:
            if "glyf" not in font or "CFF " in font or "CFF2" in font:
                return None
            cmap = font.getBestCmap() or {}
            if not all(ord(ch) in cmap for ch in _TEST_CHARS):
                return None
            name = font["name"]
            named = (name.getDebugName(16) or name.getDebugName(1)) if "name" in font else None
            family = named or Path(path).stem
            return str(family)
        finally:
            font.close()
    except Exception:  # noqa: BLE001 - a broken or unreadable font file is simply not a candidate
        return None


def _faces(path: Path) -> int:
    if path.suffix.lower() != ".ttc":
        return 1
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
        return int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 1
    except OSError:
        return 0


def _candidate(path: Path, index: int | None, source: str) -> FontFace | None:
    if not path.is_file():
        return None
    indexes = [index] if index is not None else list(range(min(_faces(path), 4)))
    for i in indexes:
        family = _inspect(str(path), i)
        if family:
            return FontFace(path, i, family, source)
    return None


# -- where fonts live -----------------------------------------------------------------------------------------
def system_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                Path("/System/Library/Fonts/Supplemental")]
    data_dirs = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
    return ([Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share")) / "fonts", home / ".fonts"]
            + [Path(d) / "fonts" for d in data_dirs if d])


@cache
def _system_index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name -> path, for every font file under ``dirs`` (first found wins)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


@cache
def _fontconfig_faces() -> tuple[tuple[str, int], ...]:
    """Chinese TrueType faces fontconfig knows of (Linux/BSD); empty where there is no fc-list."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file", "index", "fontformat"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    faces = []
    for line in sorted(out.splitlines()):
        path, _, rest = line.partition(":")
        if "fontformat=TrueType" not in rest:
            continue
        index = 0
        for part in rest.split(":"):
            if part.strip().startswith("index="):
                index = int(part.strip()[6:] or 0)
        faces.append((path.strip(), index))
    return tuple(faces)


# -- the bundled font -----------------------------------------------------------------------------------------
_instance_lock = threading.Lock()


def bundled_variable_font() -> Path | None:
    try:
        from importlib.resources import files

        path = Path(str(files(BUNDLED_PACKAGE) / BUNDLED_FILE))
    except (ImportError, ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None


def default_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("CivicDesk", appauthor=False) / "fonts"


def bundled_static_instance(cache_dir: Path | None = None) -> Path | None:
    """The Regular instance of the bundled variable font, made once (fontTools instancer) and cached.

    The cache file name carries a digest of the variable font's size and mtime, so an upgraded font makes a
    new instance; the file is written under a temporary name and renamed, so a crash leaves no broken font.
    """
    source = bundled_variable_font()
    if source is None:
        return None
    folder = cache_dir or default_cache_dir()
    stat = source.stat()
    key = f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}:{BUNDLED_WEIGHT}:{INSTANCE_VERSION}"
    tag = hashlib.sha256(key.encode()).hexdigest()[:12]
    target = folder / f"NotoSansSC-{BUNDLED_WEIGHT}-{tag}.ttf"
    if target.is_file():
        return target
    with _instance_lock:
        if target.is_file():
            return target
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer

        folder.mkdir(parents=True, exist_ok=True)
        log.info("making a static instance of %s (once; cached in %s)", source.name, folder)
        font = TTFont(str(source))
        static = instancer.instantiateVariableFont(font, {"wght": BUNDLED_WEIGHT}, inplace=True)
        _name_regular(static)
        temp = target.with_name(f".{target.name}.{os.getpid()}.part")
        try:
            static.save(str(temp))
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    return target


def _name_regular(font: Any) -> None:
    """The instance keeps the default instance's names (…-Thin): name it for what it is, Regular."""
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1) or "Noto Sans SC"
    postscript = family.replace(" ", "") + "-Regular"
    for record in list(name.names):
        if record.nameID in (2, 17):
            name.setName("Regular", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            name.setName(f"{family} Regular", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            name.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(f"{postscript};instance {BUNDLED_WEIGHT}", 3, record.platformID, record.platEncID,
                         record.langID)
    if "OS/2" in font:
        font["OS/2"].usWeightClass = BUNDLED_WEIGHT


# -- resolving --------------------------------------------------------------------------------------------
def _parse_preference(value: str | os.PathLike[str]) -> tuple[Path, int | None]:
    text = os.fspath(value)
    if "#" in text:
        path, _, index = text.rpartition("#")
        if index.isdigit():
            return Path(path).expanduser(), int(index)
    return Path(text).expanduser(), None


def _named_candidates(role: str, dirs: tuple[Path, ...]) -> Iterable[tuple[FontFace, bool]]:
    """(face, is the role's own kind of face) from the system folders, in the role's order."""
    index = _system_index(dirs)
    for filename in ROLE_FILES[role]:
        path = index.get(filename)
        if path is not None:
            face = _candidate(path, None, "system")
            if face is not None:
                yield face, _FILE_ROLE.get(filename) == role


def resolve_fonts(preferred: str | os.PathLike[str] | dict[str, str] | None = None, *,
                  cache_dir: Path | None = None, system: bool = True,
                  font_dirs: Iterable[Path] | None = None) -> FontSet:
    """The face for every role, in the documented order; raises ``print.font_missing`` when there is none.

    ``preferred``: one font file for every role, or ``{role: file}``; a preferred file that is missing or
    not a TrueType CJK font is an error (the clerk chose it), not silently skipped.  ``system=False`` skips
    the machine's fonts (to print with the bundled font only).
    """
    chosen: dict[str, FontFace] = {}
    substitutions: list[str] = []
    wanted = preferred if isinstance(preferred, dict) else {r: preferred for r in ROLES} if preferred else {}
    for role, value in wanted.items():
        if not value or role not in ROLES:
            continue
        path, index = _parse_preference(value)
        face = _candidate(path, index, "preference")
        if face is None:
            raise InputError("print.font_unusable", path=str(path))
        chosen[role] = face
    dirs = tuple(font_dirs) if font_dirs is not None else tuple(system_font_dirs())
    fallback: FontFace | None = None
    for role in ROLES:
        if role in chosen:
            continue
        if system:
            for face, own in _named_candidates(role, dirs):
                chosen[role] = face
                if not own:
                    substitutions.append(f"{ROLE_NAMES[role]} -> {face.family}")
                break
        if role in chosen:
            continue
        if system and font_dirs is None:
            for found, index in _fontconfig_faces():
                face = _candidate(Path(found), index, "fontconfig")
                if face is not None:
                    chosen[role] = face
                    substitutions.append(f"{ROLE_NAMES[role]} -> {face.family}")
                    break
        if role in chosen:
            continue
        if fallback is None:
            static = bundled_static_instance(cache_dir)
            fallback = _candidate(static, 0, "bundled") if static else None
        if fallback is None:
            raise InputError("print.font_missing")
        chosen[role] = fallback
        substitutions.append(f"{ROLE_NAMES[role]} -> {fallback.family}")
    for line in substitutions:
        log.info("print font substitution: %s", line)
    return FontSet(**{role: register(chosen[role]) for role in ROLES}, substitutions=tuple(substitutions))


_registered: dict[tuple[str, int], str] = {}
_register_lock = threading.Lock()


def register(face: FontFace) -> FontFace:
    """Register ``face`` with reportlab (once per file and face) and return it with its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    key = (str(face.path), face.index)
    with _register_lock:
        name = _registered.get(key)
        if name is None:
            digest = hashlib.sha1(f"{key[0]}#{key[1]}".encode()).hexdigest()[:10]
            name = "CD-" + digest
            font = TTFont(name, str(face.path), subfontIndex=face.index)
            # reportlab aliases a second font whose face (PostScript) name is already registered to the
            # first one: two files with one name (a cached instance and a newer one, a clerk's own copy of
            # simfang.ttf) would print with the wrong file's glyphs
            other = pdfmetrics._dynFaceNames.get(font.face.name)
            if other is not None and getattr(other.face, "filename", None) != font.face.filename:
                face_name = font.face.name  # bytes: it goes into the PDF's BaseFont as it is
                font.face.name = face_name + b"-" + digest[:6].encode() if isinstance(face_name, bytes) \
                    else f"{face_name}-{digest[:6]}"
            pdfmetrics.registerFont(font)
            _registered[key] = name
    return FontFace(face.path, face.index, face.family, face.source, name)


def char_widths(font_name: str) -> dict[int, int]:
    """Advance widths (1/1000 em) by code point, for measuring without reportlab's per-call overhead."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font_name).face.charWidths  # type: ignore[attr-defined, no-any-return]
