"""Translations, both systems: Qt (.ts -> .qm, the window) and gettext (.po -> .mo, the rest).

    python tools/i18n.py update      extract every string; add new ones to the .ts/.po files
    python tools/i18n.py release     compile .ts -> .qm and .po -> .mo (shipped in the wheel)
    python tools/i18n.py check       exit 1 when a string is unfinished or a compiled file stale
    python tools/i18n.py merge-ts OURS THEIRS   union of two .ts files into OURS (git conflicts)
    python tools/i18n.py merge-po OURS THEIRS   union of two .po files into OURS
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GUI = ROOT / "catalog_app" / "gui"
TS_DIR = GUI / "i18n"
LOCALE_DIR = ROOT / "catalog_app" / "locale"
TRANSLATED = ("uk",)  # English is the source; it has a Qt catalogue for plural forms only
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (1, 2), "pgettext": ((1, "c"), 2)}
# gettext domains: where each one's strings are, and how they are extracted
DOMAINS = {
    "catalog_app": {
        "dirs": ["catalog_app"],
        "method_map": [("catalog_app/gui/**.py", "ignore"), ("**.py", "python")],
        "keywords": KEYWORDS,
    },
    # the fixed texts of galleries and packages: G_() in export code, {% trans %} in themes
    "gallery": {
        "dirs": ["catalog_app/export", "resources/themes"],
        "method_map": [("**.py", "python"), ("**.html", "jinja2")],
        "keywords": {"G_": None, "GN_": (1, 2), "gettext": None, "ngettext": (1, 2), "_": None},
        "only_python_keywords": {"G_": None, "GN_": (1, 2)},
    },
}


def gui_sources() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "i18n" not in p.parts)


def ts_files() -> list[tuple[Path, bool]]:
    """Each .ts file and whether it holds plural forms only (English)."""
    return [(TS_DIR / "catalog_app_en.ts", True)] + [
        (TS_DIR / f"catalog_app_{code}.ts", False) for code in TRANSLATED]


def lupdate(ts: Path, plural_only: bool) -> str:
    args = [str(BIN / "pyside6-lupdate"), *map(str, gui_sources()), "-no-obsolete",
            "-locations", "none", "-source-language", "en",
            "-target-language", ts.stem.split("_")[-1], "-ts", str(ts)]
    if plural_only:
        args.insert(1, "-pluralonly")
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def unfinished_ts(ts: Path) -> list[str]:
    """The source texts of `ts` that have no finished translation."""
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [] if tr is None else list(tr.iter("numerusform"))
            empty = tr is None or (not forms and not (tr.text or "").strip()) or any(
                not (f.text or "").strip() for f in forms)
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or empty:
                out.append(f"{name}: {message.findtext('source', '')}")
    return out


def extract(domain: str) -> Catalog:
    spec = DOMAINS[domain]
    catalog = Catalog(project="catalog_app", domain=domain, charset="utf-8")
    for directory in spec["dirs"]:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / directory, method_map=spec["method_map"], keywords=spec["keywords"],
                comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
            catalog.add(message, None, [(f"{directory}/{filename}", lineno)],
                        auto_comments=comments, context=context)
    if domain == "gallery":
        catalog = _gallery_only(catalog)
    return catalog


def _gallery_only(catalog: Catalog) -> Catalog:
    """Drop what export/*.py marks for the catalog_app domain (_, ngettext): the gallery
    domain takes only G_/GN_ from Python, every {% trans %} from the themes."""
    keep = Catalog(project="catalog_app", domain="gallery", charset="utf-8")
    py_ids = set()
    for directory in DOMAINS["gallery"]["dirs"]:
        for _f, _l, message, _c, _ctx in extract_from_dir(
                ROOT / directory, method_map=[("**.py", "python"), ("**.html", "ignore")],
                keywords=DOMAINS["gallery"]["only_python_keywords"]):
            py_ids.add(message if isinstance(message, str) else message[0])
    for msg in catalog:
        if not msg.id:
            continue
        first = msg.id if isinstance(msg.id, str) else msg.id[0]
        from_py = all(loc.endswith(".py") for loc, _ in msg.locations)
        if from_py and first not in py_ids:
            continue
        keep[msg.id] = msg
    return keep


def po_path(domain: str, code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"


def read_po(path: Path, locale: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=locale, domain=path.stem, charset="utf-8")
    with path.open("rb") as f:
        return pofile.read_po(f, locale=locale)


FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)  # no date churn in the headers: merges stay clean


def write_po(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    buf = io.BytesIO()
    pofile.write_po(buf, catalog, omit_header=False, no_location=True, sort_output=True,
                    width=100, include_previous=False, ignore_obsolete=True)
    path.write_bytes(buf.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    mofile.write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def unfinished_po(catalog: Catalog) -> list[str]:
    out = []
    for msg in catalog:
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if msg.fuzzy or not all(s.strip() for s in strings):
            out.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return out


_BRACES = re.compile(r"(?<!\{)\{([^\W\d]\w*)(?:[:!][^}]*)?\}")
_PERCENT = re.compile(r"%(?:L?n|\d+)")


def placeholders(text: str, qt: bool) -> set[str]:
    """The placeholders a translation must keep: {name} (gettext, str.format), %1 and %Ln
    (Qt). A translation that loses or invents one breaks the message at run time."""
    return set(_PERCENT.findall(text)) if qt else set(_BRACES.findall(text))


def placeholder_problems_po(catalog: Catalog) -> list[str]:
    out = []
    for msg in catalog:
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        wanted = set().union(*(placeholders(i, False) for i in ids))
        for string in strings:
            if string and placeholders(string, False) - wanted:
                extra = sorted(placeholders(string, False) - wanted)
                out.append(f"{ids[0]!r}: the translation has {extra}")
            # a plural form may drop {n} (Ukrainian "одну фотографію"), never another name
            missing = wanted - placeholders(string, False) - ({"n"} if len(ids) > 1 else set())
            if string and missing:
                out.append(f"{ids[0]!r}: the translation lacks {sorted(missing)}")
    return out


def placeholder_problems_ts(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        tr = message.find("translation")
        if tr is None:
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        wanted = placeholders(source, True)
        for form in forms:
            got = placeholders(form, True)
            numeric = {p for p in wanted if p[1:].isdigit()}
            if form and (got - wanted or numeric - got):
                out.append(f"{source!r}: the translation has {sorted(got)}, "
                           f"the source {sorted(wanted)}")
    return out


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for ts, plural_only in ts_files():
        lupdate(ts, plural_only)
    for domain in DOMAINS:
        template = extract(domain)
        for code in TRANSLATED:
            path = po_path(domain, code)
            catalog = read_po(path, code)
            catalog.update(template, no_fuzzy_matching=True)
            write_po(catalog, path)


def release() -> None:
    for ts, _ in ts_files():
        lrelease(ts, ts.with_suffix(".qm"))
    for domain in DOMAINS:
        for code in TRANSLATED:
            path = po_path(domain, code)
            path.with_suffix(".mo").write_bytes(mo_bytes(read_po(path, code)))


def check() -> list[str]:
    """Every problem, a line each: untranslated strings, strings missing from a catalogue,
    stale compiled files."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts, plural_only in ts_files():
            if not ts.exists():
                problems.append(f"{ts.name}: missing (run tools/i18n.py update)")
                continue
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            report = lupdate(copy, plural_only)
            problems += [f"{ts.name}: not translated: {s}" for s in unfinished_ts(copy)]
            problems += [f"{ts.name}: {p}" for p in placeholder_problems_ts(ts)]
            # lupdate -pluralonly counts every other string as new: compare the files instead
            m = re.search(r"Found (\d+) source text\(s\) \((\d+) new", report)
            if copy.read_bytes() != ts.read_bytes() if plural_only else (m and int(m.group(2))):
                problems.append(f"{ts.name}: out of date with the code (run tools/i18n.py update)")
            qm = Path(tmp) / (ts.stem + ".qm")
            lrelease(ts, qm)
            shipped = ts.with_suffix(".qm")
            if not shipped.exists() or shipped.read_bytes() != qm.read_bytes():
                problems.append(f"{shipped.name}: stale (run tools/i18n.py release)")
    for domain in DOMAINS:
        template = extract(domain)
        for code in TRANSLATED:
            path = po_path(domain, code)
            catalog = read_po(path, code)
            known = {m.id for m in catalog if m.id}
            missing = [m.id for m in template if m.id and m.id not in known]
            problems += [f"{path.name} ({code}): not in the catalogue: {m}" for m in missing]
            problems += [f"{path.name} ({code}): not translated: {m}"
                         for m in unfinished_po(catalog)]
            problems += [f"{path.name} ({code}): {p}" for p in placeholder_problems_po(catalog)]
            mo = path.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
                problems.append(f"{mo.name} ({code}): stale (run tools/i18n.py release)")
    return problems


def merge_ts(ours: Path, theirs: Path) -> None:
    """Add to `ours` every message of `theirs` it lacks or has unfinished."""
    a, b = ET.parse(ours), ET.parse(theirs)
    contexts = {c.findtext("name"): c for c in a.getroot().iter("context")}
    for context in b.getroot().iter("context"):
        name = context.findtext("name")
        target = contexts.get(name)
        if target is None:
            a.getroot().append(context)
            continue
        have = {(m.findtext("source"), m.findtext("comment")): m for m in target.iter("message")}
        for message in context.iter("message"):
            key = (message.findtext("source"), message.findtext("comment"))
            mine = have.get(key)
            if mine is None:
                target.append(message)
            elif unfinished_ts_message(mine) and not unfinished_ts_message(message):
                target.remove(mine)
                target.append(message)
    a.write(ours, encoding="utf-8", xml_declaration=True)


def unfinished_ts_message(message: ET.Element) -> bool:
    tr = message.find("translation")
    return tr is None or tr.get("type") == "unfinished" or not "".join(tr.itertext()).strip()


def merge_po(ours: Path, theirs: Path) -> None:
    code = ours.parent.parent.name
    a, b = read_po(ours, code), read_po(theirs, code)
    for msg in b:
        if not msg.id:
            continue
        mine = a.get(msg.id, msg.context)
        if mine is None or (unfinished_po_one(mine) and not unfinished_po_one(msg)):
            a[msg.id] = msg
    write_po(a, ours)


def unfinished_po_one(msg) -> bool:  # type: ignore[no-untyped-def]
    strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
    return bool(msg.fuzzy or not all(s.strip() for s in strings))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "every string is translated; compiled files are current")
        return 1 if problems else 0
    elif command == "merge-ts":
        merge_ts(Path(argv[1]), Path(argv[2]))
    elif command == "merge-po":
        merge_po(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
