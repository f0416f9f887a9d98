"""What the API and the pages share: the store of the application, and the filters and page window
parsed from the query string (so a filtered view is a URL that can be shared)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from marsad.serve.queries import ClaimFilter, Window
from marsad.store import Store


class BadFilter(ValueError):
    """A query parameter the record cannot answer (a malformed date): a client error."""


def get_store(request: Request) -> Store:
    return request.app.state.store


def _day(value: str | None, name: str) -> date | None:
    """A date like 2020-10-20; an empty form field means no date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadFilter(f"{name}={value!r} is not a date like 2020-10-20") from exc


def _int(value: str | None, name: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise BadFilter(f"{name}={value!r} is not a number") from exc


def claim_filter(
    conflict: Annotated[
        str | None, Query(description="conflicts.yaml id (karabakh) or codes ARM,AZE")
    ] = None,
    actor: Annotated[str | None, Query(description="actor code as claimant, affected or agent")] = None,
    kind: Annotated[str | None, Query(description="killed, injured, destroyed, took_control, …")] = None,
    item: Annotated[str | None, Query(description="soldiers, civilians, tanks, …")] = None,
    place: Annotated[str | None, Query(description="place name (English) or as written")] = None,
    date_from: Annotated[str | None, Query(description="on or after, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="on or before, YYYY-MM-DD")] = None,
    story: Annotated[str | None, Query(description="story id")] = None,
    document: Annotated[str | None, Query(description="document id")] = None,
) -> ClaimFilter:
    """The filter of claim and question lists; empty values (from HTML forms) mean no filter."""
    return ClaimFilter(
        conflict=conflict or None, actor=(actor or "").upper() or None, kind=kind or None,
        item=item or None, place=place or None, date_from=_day(date_from, "date_from"),
        date_to=_day(date_to, "date_to"), story=_int(story, "story"), document=_int(document, "document"),
    )  # fmt: skip


def window(
    limit: Annotated[int, Query(ge=1, le=500, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Window:
    return Window.of(limit, offset)


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
WindowDep = Annotated[Window, Depends(window)]
