"""Typed options for check kinds, built from TOML tables with clear errors.

A check kind declares its options as a frozen dataclass; ``parse_options`` turns a mapping
from a pack or a config file into that dataclass, rejecting unknown keys and wrong types.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


class OptionError(ValueError):
    """A bad option value; the message names the key. For an unknown key, ``unknown`` is it
    and ``known`` the keys there are, so that a caller that reads more keys of the same table
    (a config's severity and fix) can list those too."""

    def __init__(self, message: str, unknown: str | None = None,
                 known: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.unknown = unknown
        self.known = known

    def listing(self, extra: tuple[str, ...]) -> str:
        """The message, with ``extra`` among the known keys of an unknown-key error."""
        if self.unknown is None:
            return str(self)
        keys = ", ".join((*extra, *self.known)) or "none"
        return f"unknown option {self.unknown!r} (known keys: {keys})"


@dataclasses.dataclass(frozen=True)
class NoOptions:
    pass


def parse_options(cls: type[T], values: Mapping[str, Any]) -> T:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    hints = typing.get_type_hints(cls)
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        field = fields.get(key) or fields.get(key.replace("_", "-"))
        if field is None:
            known = tuple(sorted(fields))
            raise OptionError(f"unknown option {key!r} (known options: "
                              f"{', '.join(known) or 'none'})", key, known)
        kwargs[field.name] = _convert(key, value, hints[field.name])
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise OptionError(str(exc)) from None


def _describe(tp: Any, plural: bool = False) -> str:
    origin = get_origin(tp)
    if origin is Literal:
        values = " or ".join(repr(a) for a in get_args(tp))
        return f"values among {values}" if plural else values
    if origin in (list, tuple, frozenset):
        return f"{'lists' if plural else 'a list'} of {_describe(get_args(tp)[0], True)}"
    if origin in (dict, Mapping):
        return f"{'tables' if plural else 'a table'} of {_describe(get_args(tp)[1], True)}"
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(a, plural) for a in get_args(tp))
    names = {
        str: ("a string", "strings"),
        int: ("an integer", "integers"),
        float: ("a number", "numbers"),
        bool: ("true or false", "true or false values"),
        type(None): ("nothing", "nothing"),
    }.get(tp)
    if names is None:
        return str(getattr(tp, "__name__", tp))
    return names[plural]


def _convert(key: str, value: Any, tp: Any) -> Any:
    origin = get_origin(tp)
    bad = OptionError(f"option {key!r} must be {_describe(tp)}, not {value!r}")
    if origin is Literal:
        if value not in get_args(tp):
            raise bad
        return value
    if origin in (Union, types.UnionType):
        for arg in get_args(tp):
            try:
                return _convert(key, value, arg)
            except OptionError:
                continue
        raise bad
    if origin in (list, tuple, frozenset):
        if not isinstance(value, list):
            raise bad
        (item,) = get_args(tp)[:1]
        items = [_convert(key, v, item) for v in value]
        return origin(items) if origin is not list else items
    if origin in (dict, Mapping):
        if not isinstance(value, dict):
            raise bad
        _, vt = get_args(tp)
        return {str(k): _convert(f"{key}.{k}", v, vt) for k, v in value.items()}
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if tp is type(None):
        if value is not None:
            raise bad
        return None
    if isinstance(tp, type) and not isinstance(value, tp):
        raise bad
    return value
