"""typer commands whose text, path and flag parameters are converted without pydantic.

typer (0.29) converts every parameter value through a pydantic `TypeAdapter` built on first use,
the `--help` flag's included: importing pydantic and building the adapters costs ~60 ms, a fifth
of a `marsad extract` run on one file. For a `str` or `Path` value (or a list of them) the adapter
only passes the string on, or makes a `Path` of it and runs typer's own path checks
(`coerce_cli_path`, which needs no pydantic once handed a `Path`); a flag's value is already a
bool and is not converted at all. `PlainCommand` and `PlainGroup` give such parameters that
conversion themselves; any other parameter or value still goes through typer's adapter, and if
typer's internals change shape they fall back to typer's conversion everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
except ImportError:  # another typer: the classes below are then typer's own
    RuntimeParam = None  # type: ignore[assignment,misc]

_TEXT = (str, Path)


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _PlainParam(RuntimeParam):
        """Strings kept as they are, paths made `Path`s and checked as typer checks them."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            leaf = get_args(self.annotation)[0] if get_origin(self.annotation) is list else None
            if leaf in _TEXT and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return [self._one(leaf, v, param, ctx) for v in value]
            if self.annotation in _TEXT and isinstance(value, str):
                return self._one(self.annotation, value, param, ctx)
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)

        def _one(self, leaf: type, value: str, param: Any, ctx: Any) -> Any:
            if leaf is str:
                return value
            return coerce_cli_path(Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx)


def _is_plain(annotation: Any, info: Any) -> bool:
    """Whether typer's adapter for this parameter only keeps, wraps in `Path` or passes a bool."""
    if info.parser is not None or info.path_type is not None:
        return False
    if get_origin(annotation) is list:
        return get_args(annotation)[0] in _TEXT
    return annotation in (*_TEXT, bool)


def _plain(params: list[Any]) -> list[Any]:
    """`params`, those that `_is_plain` given the pydantic-free conversion."""
    if RuntimeParam is None:
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if _is_plain(descriptor.annotation, descriptor.parameter_info):
            param._runtime_param = _PlainParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
    return params


class PlainCommand(TyperCommand):
    """A `TyperCommand` whose plain parameters skip pydantic (see the module docstring)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class PlainGroup(TyperGroup):
    """A `TyperGroup` whose plain parameters (`--help`) skip pydantic."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))
