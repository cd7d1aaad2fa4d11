"""The extractor's version, apart from the extractor: every process opening an index
compares it with the index's manifest (``TargetStore.fingerprint``), and importing the
extractor's patterns for that alone cost each CLI command about half a second."""

# Bump when extraction rules change: indexes re-extract targets (without re-segmenting).
EXTRACTOR_VERSION = "125"
