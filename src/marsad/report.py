"""The report: per story, each question with the parties' figures side by side.

English labels ("Azerbaijani civilians killed, running total") with the Arabic evidence under each
figure, the low / best / high estimate and the rule that chose best, and how many independent
sources (copy groups) stand behind the question. Four renderings of the same `Report`: a rich table
for the terminal, Markdown, a self-contained HTML page, and JSON Lines (one question a line).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from sqlalchemy import Select, exists, select

from marsad.reconcile import format_period
from marsad.store import Store
from marsad.store import schema as t

FORMATS = ("table", "md", "html", "json")
SIDE_TITLES = {
    "own": "own side",
    "other": "other party",
    "independent": "independent",
    "unattributed": "unnamed",
}


class ReportError(ValueError):
    """A filter the store cannot answer (unknown story or conflict): a user error."""


@dataclass(frozen=True, slots=True)
class Filter:
    """Which questions to report: one story, one conflict's parties, those ending on or after a day."""

    story: int | None = None
    parties: frozenset[str] | None = None
    since: date | None = None


@dataclass(slots=True)
class StoryPart:
    id: int
    label: str
    n_documents: int
    n_groups: int
    questions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    counts: dict[str, int]
    stories: list[StoryPart]

    def questions(self) -> Iterable[dict[str, Any]]:
        for story in self.stories:
            yield from story.questions


def conflict_parties(value: str) -> frozenset[str]:
    """A conflict id of the lexicon's conflicts table (`karabakh`), or actor codes (`ARM,AZE`)."""
    try:
        from marsad.lexicon.load import load_table

        table = {c["id"]: c for c in load_table("conflicts")["conflicts"]}
    except Exception:  # noqa: BLE001  (without the table, codes still work)
        table = {}
    if value in table:
        return frozenset(code for side in table[value]["parties"] for code in side)
    codes = frozenset(c.strip().upper() for c in value.replace("-", ",").split(",") if c.strip())
    if not codes or not all(c.replace("_", "").isalnum() for c in codes):
        known = ", ".join(sorted(table)) or "none"
        raise ReportError(f"unknown conflict {value!r}: use actor codes like ARM,AZE or one of {known}")
    return codes


def _query(flt: Filter) -> Select[Any]:
    q = t.questions.c
    query = select(t.questions, t.stories.c.label.label("story_label")).join(
        t.stories, t.stories.c.id == q.story
    )
    if flt.story is not None:
        linked = (
            select(t.question_claims.c.question)
            .join(t.claims, t.claims.c.id == t.question_claims.c.claim)
            .join(t.memberships, t.memberships.c.document == t.claims.c.document)
            .where(t.memberships.c.story == flt.story, t.question_claims.c.question == q.id)
        )
        query = query.where(exists(linked))
    if flt.since is not None:
        query = query.where(q.date_end >= flt.since)
    return query.order_by(q.story, q.id)


def _matches(row: dict[str, Any], parties: frozenset[str] | None) -> bool:
    if parties is None:
        return True
    if row["affected"] is not None:
        return row["affected"] in parties
    return any(f["actor"] in parties for f in row["figures"])


def _question(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    out["figures"] = json.loads(out["figures"])
    for key in ("date_start", "date_end"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def build(store: Store, flt: Filter | None = None) -> Report:
    """Read the questions (and their stories) the filter selects; the store must be fresh."""
    flt = flt or Filter()
    with store.read() as conn:
        if (
            flt.story is not None
            and conn.execute(select(t.stories.c.id).where(t.stories.c.id == flt.story)).first() is None
        ):
            raise ReportError(f"no story {flt.story} in the store (see `marsad report` for story ids)")
        stories = {r.id: r for r in conn.execute(select(t.stories))}
        parts: dict[int, StoryPart] = {}
        for row in conn.execution_options(yield_per=2000).execute(_query(flt)):
            question = _question(row)
            if not _matches(question, flt.parties):
                continue
            s = stories[question["story"]]
            part = parts.setdefault(s.id, StoryPart(s.id, s.label, s.n_documents, s.n_groups))
            part.questions.append(question)
    return Report(store.counts(), list(parts.values()))


# -- renderings -------------------------------------------------------------------------------


def figure_text(f: dict[str, Any]) -> str:
    """'ANADOLU: >60', 'OUTLET: 300 (restates ARM)', 'AZE: 5?' for an uncertain figure."""
    text = f"{f['claimant']}: {f['display']}{'?' if f['uncertain'] else ''}"
    return f"{text} (restates {f['restates']})" if f.get("restates") else text


def figures_line(question: dict[str, Any]) -> str:
    """'AZE: 60; ANADOLU: >60' — the figures in side order."""
    return "; ".join(figure_text(f) for f in question["figures"])


def estimate_text(q: dict[str, Any]) -> str:
    if q["best"] is None and q["low"] is None and q["high"] is None:
        return ""
    parts = [f"{name} {q[name]:,}" for name in ("low", "best", "high") if q[name] is not None]
    return " · ".join(parts)


def _n(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def summary_line(report: Report) -> str:
    c = report.counts
    return " · ".join([
        _n(c["documents"], "article", "articles"),
        _n(c["copy_groups"], "independent source (copy group)", "independent sources (copy groups)"),
        _n(c["stories"], "story", "stories"), _n(c["claims"], "claim", "claims"),
        _n(c["questions"], "question", "questions"),
    ])  # fmt: skip


def _story_title(part: StoryPart) -> str:
    articles = _n(part.n_documents, "article", "articles")
    counts = f"{articles}, {_n(part.n_groups, 'independent source', 'independent sources')}"
    return f"Story {part.id}: {part.label} ({counts})"


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_markdown(report: Report) -> str:
    lines = ["# marsad report", "", summary_line(report), ""]
    for part in report.stories:
        lines += [f"## {_story_title(part)}", ""]
        for q in part.questions:
            est = estimate_text(q)
            lines.append(
                f"- **{q['label']}** — {figures_line(q)}" + (f" · {est} ({q['best_rule']})" if est else "")
            )
            for f in q["figures"]:
                docs = ", ".join(f["documents"][:3]) + (" …" if len(f["documents"]) > 3 else "")
                quote = _short(f["evidence"][0]) if f["evidence"] else ""
                who = f"{SIDE_TITLES[f['side']]}; {f['sources']} source(s): {docs}"
                lines.append(f"  - {f['claimant']} ({who}): «{quote}»")
                lines.extend(
                    f"    - denied by {d['claimant']}: «{_short(d['evidence'])}»" for d in f["denied_by"]
                )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_jsonl(report: Report) -> str:
    rows = []
    for part in report.stories:
        for q in part.questions:
            rows.append(json.dumps({**q, "story_label": part.label}, ensure_ascii=False, default=str))
    return "".join(row + "\n" for row in rows)


def to_html(report: Report) -> str:
    e = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8"><title>marsad report</title>',
           "<style>body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border-bottom:1px solid #ddd;"
           "padding:.3em;vertical-align:top;text-align:left}.ar{direction:rtl;text-align:right}"
           "table{border-collapse:collapse;width:100%}</style></head><body>",
           f"<h1>marsad report</h1><p>{e(summary_line(report))}</p>"]  # fmt: skip
    for part in report.stories:
        out.append(f"<section><h2>{e(_story_title(part))}</h2>")
        for q in part.questions:
            est = estimate_text(q)
            out.append(f"<h3>{e(q['label'])}</h3>")
            if est:
                out.append(f"<p>{e(est)} <small>({e(q['best_rule'])})</small></p>")
            out.append(
                "<table><tr><th>claimant</th><th>side</th><th>figure</th><th>sources</th><th>evidence</th></tr>"
            )
            for f in q["figures"]:
                evidence = "<br>".join(e(x) for x in f["evidence"])
                denied = "".join(
                    f"<br><em>denied by {e(d['claimant'])}</em>: {e(d['evidence'])}" for d in f["denied_by"]
                )
                out.append(f"<tr><td>{e(f['claimant'])}</td><td>{SIDE_TITLES[f['side']]}</td><td>{e(f['display'])}</td>"
                           f"<td>{f['sources']}: {e(', '.join(f['outlets']))}</td>"
                           f'<td class="ar" dir="rtl" lang="ar">{evidence}{denied}</td></tr>')  # fmt: skip
            out.append("</table>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _side_cell(q: dict[str, Any], sides: tuple[str, ...]) -> str:
    return "\n".join(figure_text(f).replace(": ", " ", 1) for f in q["figures"] if f["side"] in sides)


def to_table(report: Report) -> Group:
    """Rich renderables: one table per story."""
    parts: list[Any] = [Text(summary_line(report), style="bold")]
    for part in report.stories:
        table = Table(title=_story_title(part), title_justify="left", show_lines=True, expand=True)
        for name, ratio in (("question", 3), ("own side", 1), ("other party", 1), ("independent", 1),
                            ("low · best · high", 1), ("evidence", 4)):  # fmt: skip
            table.add_column(name, ratio=ratio, overflow="fold")
        for q in part.questions:
            first = next((f for f in q["figures"] if f["evidence"]), None)
            table.add_row(
                q["label"], _side_cell(q, ("own",)), _side_cell(q, ("other",)),
                _side_cell(q, ("independent", "unattributed")), estimate_text(q),
                f"{first['claimant']}: {_short(first['evidence'][0], 160)}" if first else "",
            )  # fmt: skip
        parts.append(table)
    return Group(*parts)


def render(report: Report, fmt: str) -> str | Group:
    """The report in one of FORMATS (a rich renderable for `table`, text otherwise)."""
    if fmt == "table":
        return to_table(report)
    if fmt == "md":
        return to_markdown(report)
    if fmt == "html":
        return to_html(report)
    if fmt == "json":
        return to_jsonl(report)
    raise ReportError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")


__all__ = [
    "FORMATS",
    "Filter",
    "Report",
    "ReportError",
    "build",
    "conflict_parties",
    "format_period",
    "render",
]
