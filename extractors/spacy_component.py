"""The extractor as a spaCy pipeline component.

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_policy_entities")          # found through the package's spaCy entry point
    doc = nlp("科技部党组书记、部长阴和俊指出，要加快发展新质生产力。")
    [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    spacy.displacy.render(doc, style="ent", options={"colors": DISPLACY_COLORS})

It wraps ``extract_mentions`` (the same lexicon, rules and boundary checks as ``kg extract``) and
needs no model: ``spacy.blank("zh")`` splits Chinese into characters, so every mention aligns with
tokens. ``doc.ents`` gets the non-overlapping mentions (labels are the entity types, ``kb_id_`` the
entity id); ``doc.spans["kg_mentions"]`` keeps all of them, including an institution's parent
nested in its sub-unit. Each span carries ``span._.kg_name`` (the canonical name) and
``span._.kg_rule`` (what found it).

The text is used as given (no normalisation), so offsets are those of ``doc.text``.
"""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.lexicon import Lexicon, load_lexicon
from extractors.mentions import ExtractOptions, extract_mentions
from extractors.records import Document

FACTORY = "kg_policy_entities"
SPAN_KEY = "kg_mentions"

#: Colours for displaCy, one per entity type: light ones, since displaCy writes black text on them.
DISPLACY_COLORS = {
    "Person": "#f4a261",
    "Institution": "#8ecae6",
    "Policy": "#e76f51",
    "Document": "#b5838d",
    "Event": "#ffd166",
    "Place": "#90be6d",
    "Technology": "#cdb4db",
}

for _attr in ("kg_name", "kg_rule"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


class PolicyEntityComponent:
    """Sets ``doc.ents`` and ``doc.spans["kg_mentions"]`` from the policy extractor."""

    def __init__(self, lexicon: Lexicon, *, rules: bool = True, overwrite_ents: bool = True):
        self.lexicon = lexicon
        self.options = ExtractOptions(rules=rules)
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        record = Document(id="spacy", path="", format="txt", text=doc.text)
        spans = []
        for m in extract_mentions(record, self.lexicon, options=self.options):
            span = doc.char_span(m.start, m.end, label=m.type, kb_id=m.entity_id, alignment_mode="expand")
            if span is None:
                continue
            span._.kg_name = m.name
            span._.kg_rule = m.rule
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        kept = filter_spans(spans)
        if self.overwrite_ents:
            doc.ents = kept
        else:
            doc.ents = filter_spans([*doc.ents, *kept])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    FACTORY,
    default_config={"lexicon_paths": [], "builtin_lexicon": True, "stoplists": [], "rules": True, "overwrite_ents": True},
)
def make_policy_entity_ruler(
    nlp: Language,
    name: str,
    lexicon_paths: list[str],
    builtin_lexicon: bool,
    stoplists: list[str],
    rules: bool,
    overwrite_ents: bool,
) -> PolicyEntityComponent:
    """Factory registered with spaCy: ``nlp.add_pipe("kg_policy_entities", config={...})``."""
    lexicon = load_lexicon(lexicon_paths, builtin=builtin_lexicon, stoplists=stoplists)
    return PolicyEntityComponent(lexicon, rules=rules, overwrite_ents=overwrite_ents)
