"""Ranking a case: the public rank call, its result, method comparison, several analysts, what-if."""
