"""newsarchive: build and search a local archive of Bulgarian municipal and regional news."""
