"""quick_init: the frozen records built in bulk keep their dataclass behaviour."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from bot.targets.frozen import quick_init
from bot.targets.kinds import KindContext
from bot.targets.naming.sentence import Named
from bot.targets.numbers.figure import Figure
from bot.targets.records import TargetRecord


@quick_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Point:
    x: int
    label: str = "p"
    note: str = dataclasses.field(default="", compare=False)


def _plain_twin() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class _Point:
        x: int
        label: str = "p"
        note: str = dataclasses.field(default="", compare=False)

    return _Point


def test_the_quick_init_takes_the_same_arguments_and_sets_the_same_fields() -> None:
    plain = _plain_twin()

    def params(cls: type) -> list[tuple[str, object, object]]:
        return [
            (p.name, p.kind, p.default) for p in inspect.signature(cls.__init__).parameters.values()
        ]

    assert params(_Point) == params(plain)
    p = _Point(3, note="n")
    assert (p.x, p.label, p.note) == (3, "p", "n")
    assert p == _Point(3, "p", "other")  # note is left out of equality, as declared
    assert hash(p) == hash(_Point(3))
    assert dataclasses.replace(p, x=4) == _Point(4)
    assert repr(p) == "_Point(x=3, label='p', note='n')"
    assert pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Point(1, "a", "b", "c")  # type: ignore[call-arg]


def test_classes_it_cannot_build_plainly_are_left_as_they_are() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class WithoutSlots:
        x: int

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        x: int

    for cls in (WithFactory, WithoutSlots, NotFrozen):
        init = cls.__init__
        assert quick_init(cls) is cls and cls.__init__ is init


@pytest.mark.parametrize("cls", [Figure, Named, TargetRecord, KindContext])
def test_the_extractors_records_have_it_and_their_own_fields(cls: type) -> None:
    assert "_set_" + dataclasses.fields(cls)[0].name in cls.__init__.__globals__
    names = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(cls.__init__).parameters)[1:] == names


def test_a_figure_and_its_name_read_back_what_they_were_given() -> None:
    fig = Figure(3, 9, 5, 8, 12.5, None, "12.5", "万吨", "weight", "约", False, pre="约")
    assert (fig.start, fig.end, fig.value, fig.unit, fig.form, fig.pre, fig.scope) == (
        3, 9, 12.5, "万吨", "number", "约", ""
    )  # fmt: skip
    named = Named(fig, "粮食产量", "达到", "约", 9)
    assert (named.indicator, named.confidence, named.named_by) == ("粮食产量", 1.0, "sentence")
