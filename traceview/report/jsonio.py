"""The JSON report: write the contract (json_report.md) and read it back without re-parsing logs.

Reading is driven by the model's type hints, so a field added to `traceview.model` round-trips
without touching this module. Unknown keys are ignored (the contract allows extra keys).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from typing import Any

import orjson

from traceview.errors import TraceviewError
from traceview.model import SCHEMA_VERSION, Report, to_dict


class _ShapeError(ValueError):
    """The JSON does not have the shape of a report; the message names the offending key."""


def report_to_json(report: Report) -> str:
    """The report as an indented JSON object (schema_version first)."""
    data = to_dict(report)
    ordered = {"schema_version": data.pop("schema_version"), **data}
    return orjson.dumps(ordered, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def report_from_json(text: str, path: str) -> Report:
    """Read a JSON report written by `report_to_json` (or any writer of schema_version 1)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise TraceviewError(f"{path}: not JSON, so not a traceview report") from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise TraceviewError(f"{path}: not a traceview report (no schema_version)")
    version = data["schema_version"]
    if version != SCHEMA_VERSION:
        raise TraceviewError(
            f"{path}: report schema_version {version!r} is not supported "
            f"(this traceview reads {SCHEMA_VERSION}); re-run analyze with this version"
        )
    try:
        return typing.cast(Report, _build(Report, data, "report"))
    except _ShapeError as error:
        raise TraceviewError(f"{path}: not a valid traceview report ({error})") from None


def looks_like_report(text: str) -> bool:
    """True when `text` is one JSON object carrying `schema_version` (detection by content)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return isinstance(data, dict) and "schema_version" in data


def _build(hint: Any, value: Any, where: str) -> Any:
    """Turn plain JSON data into the model type `hint` (recursively)."""
    if hint is Any:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _build_optional(hint, value, where)
    if origin is tuple:
        return _build_tuple(typing.get_args(hint), value, where)
    if origin is dict:
        return _build_dict(typing.get_args(hint), value, where)
    if dataclasses.is_dataclass(hint):
        return _build_dataclass(hint, value, where)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _build_enum(hint, value, where)
    return _build_scalar(hint, value, where)


def _build_optional(hint: Any, value: Any, where: str) -> Any:
    options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if value is None:
        return None
    if len(options) != 1:
        raise _ShapeError(f"{where}: unsupported type {hint}")
    return _build(options[0], value, where)


def _build_tuple(args: tuple[Any, ...], value: Any, where: str) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise _ShapeError(f"{where}: expected a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_build(args[0], item, f"{where}[{i}]") for i, item in enumerate(value))
    if len(value) != len(args):
        raise _ShapeError(f"{where}: expected {len(args)} items")
    return tuple(
        _build(arg, item, f"{where}[{i}]")
        for i, (arg, item) in enumerate(zip(args, value, strict=True))
    )


def _build_dict(args: tuple[Any, ...], value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _ShapeError(f"{where}: expected an object")
    value_hint = args[1] if len(args) == 2 else Any
    return {str(key): _build(value_hint, item, f"{where}.{key}") for key, item in value.items()}


def _build_dataclass(cls: Any, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise _ShapeError(f"{where}: expected an object")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for field in dataclasses.fields(cls):
        if field.name in value:
            kwargs[field.name] = _build(
                hints[field.name], value[field.name], f"{where}.{field.name}"
            )
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise _ShapeError(f"{where}: missing {field.name!r}")
    return cls(**kwargs)


def _build_enum(cls: type[Enum], value: Any, where: str) -> Enum:
    try:
        return cls(value)
    except ValueError:
        raise _ShapeError(f"{where}: unknown value {value!r}") from None


def _build_scalar(hint: Any, value: Any, where: str) -> Any:
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    expected = hint if isinstance(hint, type) else object
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise _ShapeError(f"{where}: expected {getattr(hint, '__name__', hint)}, got {value!r}")
    return value
