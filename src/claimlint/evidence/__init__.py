"""Evidence helpers shared by rules: hedges, citations, statistics and negation."""
