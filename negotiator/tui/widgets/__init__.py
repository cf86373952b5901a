"""Widgets the views share."""
