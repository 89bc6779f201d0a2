"""textlint: find and safely fix the defects that machine translation and scraping leave in text."""

__version__ = "0.1.0"
