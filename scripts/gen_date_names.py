"""Write the babel-derived month and weekday names into `src/marsad/data/lexicon/ar/dates.yaml`.

    python scripts/gen_date_names.py            # rewrite the generated block in place
    python scripts/gen_date_names.py --check    # exit 1 when the shipped block differs (drift)

The locales come from the file's own `babel:` key; every width CLDR gives (wide, abbreviated) of the
format context is taken, in locale order, duplicates dropped. Only the text between the
`# BEGIN babel` and `# END babel` markers is touched, so the hand-written rest of the file and its
comments stay as they are. `tests/unit/test_dates.py` calls `render()` and compares.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
DATES = ROOT / "src" / "marsad" / "data" / "lexicon" / "ar" / "dates.yaml"
BEGIN = "# BEGIN babel"
END = "# END babel"
WIDTHS = ("wide", "abbreviated")
# CLDR numbers weekdays 0 = Monday; the table keys them by these ids.
WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _names(locales: list[str], field: str, keys: list) -> dict:
    out: dict = {k: [] for k in keys}
    for code in locales:
        table = getattr(Locale.parse(code), field)["format"]
        for width in WIDTHS:
            for key, name in table[width].items():
                name = " ".join(name.replace("\u00a0", " ").split())
                if name not in out[key]:
                    out[key].append(name)
    return out


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def render(path: Path = DATES) -> str:
    """The generated block (markers excluded) for the locales that `path` names."""
    config = yaml.safe_load(path.read_text(encoding="utf-8"))["babel"]
    months = _names(config["months"], "months", list(range(1, 13)))
    days = _names(config["weekdays"], "days", list(range(7)))
    lines = ["months:"]
    lines += [f"  {m}: {_flow(names)}" for m, names in months.items()]
    lines.append("weekdays:")
    lines += [f"  {WEEKDAY_IDS[d]}: {_flow(names)}" for d, names in days.items()]
    block = "\n".join(lines) + "\n"
    parsed = yaml.safe_load(block)
    if parsed["months"] != months or list(parsed["weekdays"].values()) != list(days.values()):
        raise ValueError("generated block does not read back as written; quote the names")
    return block


def shipped(path: Path = DATES) -> str:
    """The block currently in the file, between the markers."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    body, _, _ = rest.partition(END)
    if not rest or not body:
        raise ValueError(f"{path}: no '{BEGIN}' ... '{END}' block")
    return body.split("\n", 1)[1]  # drop the rest of the BEGIN line


def write(path: Path = DATES) -> None:
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    begin_line, _, rest = rest.partition("\n")
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}{begin_line}\n{render(path)}{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped block differs")
    args = parser.parse_args()
    if args.check:
        if shipped() != render():
            print(f"{DATES}: babel month/weekday names drifted; run scripts/gen_date_names.py")
            return 1
        return 0
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
