"""Site profiles: TOML data that says what differs about each site."""

from newsarchive.profiles.loader import get_profile, list_profiles, load_profile_file

__all__ = ["get_profile", "list_profiles", "load_profile_file"]
