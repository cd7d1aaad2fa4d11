"""Live sources (issue 15): feeds, list pages, single pages and folders polled for new
documents, which are ingested into the library."""
