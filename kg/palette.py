"""One palette for every view of the graph: Neo4j Browser's style (queries/style.grass), GEXF's node
colours and the offline HTML view all colour an entity type the same way."""
from __future__ import annotations

#: Colours per node label (the entity types, and SourceDocument for the Neo4j Browser style).
LABEL_COLORS = {
    "Person": "#F4A261",
    "Institution": "#457B9D",
    "Policy": "#E63946",
    "Document": "#8D6A9F",
    "Event": "#E9C46A",
    "Place": "#2A9D8F",
    "Technology": "#6C757D",
    "SourceDocument": "#A8A8A8",
}

#: One colour per entity type (RGB), for the files that take colours as numbers.
TYPE_COLORS = {
    label: (int(hex_[1:3], 16), int(hex_[3:5], 16), int(hex_[5:7], 16))
    for label, hex_ in LABEL_COLORS.items() if label != "SourceDocument"
}
OTHER_COLOR = (150, 150, 150)  # a type outside the palette
