"""Extraction: HTML in, a clean ``Article`` out. Pure functions, no I/O."""

from newsarchive.extraction.pipeline import extract

__all__ = ["extract"]
