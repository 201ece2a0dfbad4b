"""Fetching: an httpx client with politeness rules, and charset decoding.

Kept import-light: ``charset`` is pure and used by extraction too; ``client`` pulls in httpx.
"""
