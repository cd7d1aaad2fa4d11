"""Quicker construction of the frozen records the extractor builds in bulk.

A frozen dataclass cannot assign its own fields, so its generated ``__init__`` stores
each one through ``object.__setattr__``: per field a method looked up, bound and called,
then the generic attribute machinery. With ``slots=True`` each field is a slot
descriptor whose ``__set__`` is that very store; :func:`quick_init` gives the class an
``__init__`` that calls those, each bound once. The same parameters, defaults and
errors; the class stays frozen (assignment still raises) and ``dataclasses.replace``
goes through the new ``__init__``. About half the construction time of a 14-field
``Figure``; the tier builds some 25,000 each of figures, names and records.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass with slots) with the slot-setting ``__init__``; ``cls``
    unchanged when it is not such a class or needs more than plain stores (a default
    factory, a field left out of ``__init__``, ``__post_init__``, keyword-only fields)."""
    params = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
    frozen = getattr(cls, "__dataclass_params__", None)
    if (
        not params
        or frozen is None
        or not frozen.frozen
        or "__slots__" not in cls.__dict__
        or hasattr(cls, "__post_init__")
        or any(
            not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING for f in params
        )
    ):
        return cls
    namespace: dict[str, Any] = {}
    args: list[str] = []
    body: list[str] = []
    for f in params:
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            args.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})\n")
    source = f"def __init__(self, {', '.join(args)}):\n" + "".join(body)
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls
