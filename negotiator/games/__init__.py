"""Two-player (bimatrix) games between the governments, in exact rational arithmetic."""
