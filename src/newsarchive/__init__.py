"""newsarchive: build and search a local archive of Bulgarian municipal and regional news."""

__version__ = "0.1.0"
