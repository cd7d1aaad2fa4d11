"""Chinese full-text search: inverted index over passages, BM25 ranking, fuzzy correction."""
