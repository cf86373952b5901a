"""The decision model built from a case: the score matrix, value functions and weights."""
