"""A figure named (:class:`Named`, with :data:`BY_SENTENCE`, the tag of a name the
sentence namer gave) and what a sentence passes to the next (:class:`NamingContext`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.targets.frozen import quick_init
from bot.targets.numbers import Figure


@quick_init  # built in bulk: slot stores, not object.__setattr__ (see frozen)
@dataclass(frozen=True, slots=True)
class Named:
    """A figure with its indicator; ``consumed`` is where the name read up to.

    ``named_by`` says which step last set ``indicator``: :data:`BY_SENTENCE` (the
    sentence namer) or the name of the pass of :mod:`~bot.targets.naming.passes` that
    renamed it (set by :func:`~bot.targets.naming.passes.run_passes_tagged`, which a
    bench runs in :func:`~bot.targets.naming.passes.run_passes`'s place to tell how often
    each pass is right). It never reaches a record nor equality.
    """

    figure: Figure
    indicator: str
    change: str
    qualifier: str
    consumed: int
    confidence: float = 1.0
    named_by: str = field(default="sentence", compare=False)


# the tag of a name the sentence namer gave (see Named.named_by)
BY_SENTENCE = "sentence"


@dataclass(slots=True)
class NamingContext:
    """What one ；-sentence passes to the next one of the same 。-sentence, and
    ``last_name`` what a sentence passes to the next one of its paragraph."""

    entity: str = ""
    entity_unit: str = ""  # the unit class of the figure the entity was named for
    counted: str = ""  # the last things counted (科技计划项目 88项): what 资金 after ； is of
    bulletin: bool = False  # a statistical bulletin: a product and its tonnage is output
    paragraph: str = ""  # the paragraph's text: what a list of 类 is sales or prices of
    last_name: str = ""  # the last name given in the paragraph
    # the last whole named in the paragraph (not a part listed after 其中 or 按…分, not a
    # rate) and its unit: what its parts' bare nouns are measured by
    whole: str = ""
    whole_unit: str = ""
    parts: bool = False  # the 。-sentence lists a whole's parts (其中, 按经营地分)
    # the 。-sentence lists products after a lead that names their output once
    # (主要工业产品产量：生铁…万吨；…；汽车3.86万辆): every bare product is its output,
    # whatever it is counted in
    products: bool = False

    def next_sentence(self) -> NamingContext:
        """The context of the paragraph's next 。-sentence."""
        return NamingContext(
            last_name=self.last_name,
            bulletin=self.bulletin,
            paragraph=self.paragraph,
            whole=self.whole,
            whole_unit=self.whole_unit,
        )
