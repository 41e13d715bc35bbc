"""Editors for every record kind."""
