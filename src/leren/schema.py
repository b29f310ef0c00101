"""Turn parsed YAML into typed dataclasses, collecting every problem instead of stopping at the first.

The dataclasses in `leren.model` are the schema: their type hints say what each field must hold, and a
field without a default is required. A dataclass may add its own checks in a `problems()` method.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, Literal, Union

_TYPE_NAMES = {str: "tekst", int: "een geheel getal", bool: "ja of nee (true/false)", float: "een getal"}


def build(cls: type, raw: Any, where: str, problems: list[str]) -> Any:
    """Convert `raw` to an instance of dataclass `cls`; append Dutch problem texts to `problems`."""
    return _convert(cls, raw, "", where, problems)


def _label(path: str) -> str:
    return f"veld '{path}'" if path else "het item"


def _convert(tp: Any, value: Any, path: str, where: str, problems: list[str]) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, path, where, problems)
    if value is None:
        problems.append(f"{where}: {_label(path)} is leeg; vul een waarde in.")
        return None
    if origin is Literal:
        if value not in args:
            choices = ", ".join(f"'{a}'" for a in args)
            problems.append(f"{where}: {_label(path)} heeft de waarde '{value}'; kies uit {choices}.")
        return value
    if origin is list:
        if not isinstance(value, list):
            problems.append(f"{where}: {_label(path)} moet een lijst zijn (regels die met '- ' beginnen).")
            return []
        return [_convert(args[0], item, f"{path}[{i}]", where, problems) for i, item in enumerate(value, 1)]
    if is_dataclass(tp):
        return _convert_dataclass(tp, value, path, where, problems)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{where}: {_label(path)} moet {_TYPE_NAMES[float]} zijn, niet '{value}'.")
        return value
    if tp in (int, bool):
        if type(value) is not tp:
            problems.append(f"{where}: {_label(path)} moet {_TYPE_NAMES[tp]} zijn, niet '{value}'.")
        return value
    if tp is str:
        if not isinstance(value, str):
            problems.append(f"{where}: {_label(path)} moet tekst zijn, niet '{value}'.")
        elif not value.strip():
            problems.append(f"{where}: {_label(path)} is leeg; vul een tekst in.")
        return value
    raise TypeError(f"unsupported schema type {tp!r}")  # a programming error, not a data error


def _convert_dataclass(cls: type, value: Any, path: str, where: str, problems: list[str]) -> Any:
    if not isinstance(value, dict):
        problems.append(f"{where}: {_label(path)} moet velden hebben (sleutel: waarde), niet '{value}'.")
        return None
    hints = _hints(cls)
    known = [f.name for f in fields(cls)]
    before = len(problems)
    for key in value:
        if key not in known:
            allowed = ", ".join(known)
            problems.append(f"{where}: onbekend veld '{_join(path, str(key))}'. Toegestaan zijn: {allowed}.")
    kwargs = {}
    for f in fields(cls):
        sub = _join(path, f.name)
        if f.name in value:
            kwargs[f.name] = _convert(hints[f.name], value[f.name], sub, where, problems)
        elif f.default is MISSING and f.default_factory is MISSING:
            problems.append(f"{where}: veld '{sub}' ontbreekt.")
            kwargs[f.name] = None
    instance = cls(**kwargs)
    check = getattr(instance, "problems", None)
    if len(problems) == before and callable(check):
        problems.extend(f"{where}: {_label(path) + ': ' if path else ''}{msg}" for msg in check())
    return instance


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass, worked out once per class (resolving them is the slow part)."""
    return typing.get_type_hints(cls)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
