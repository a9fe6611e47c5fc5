"""aggregator: follows AI-industry news feeds, merges stories, tags deals, republishes Atom."""

__version__ = "0.1.0"
