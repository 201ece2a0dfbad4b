"""The newsarchive Datasette plugin (``pip install newsarchive[web]``; ``newsarchive serve``).

Datasette finds this module through the ``datasette`` entry point, so a plain
``datasette any-name.db`` gets it too. The hooks live in ``hooks``; they are re-exported
here because pluggy registers the module the entry point names.
"""

from newsarchive.web.hooks import (
    extra_css_urls,
    get_metadata,
    prepare_connection,
    register_routes,
    render_cell,
)

__all__ = [
    "extra_css_urls",
    "get_metadata",
    "prepare_connection",
    "register_routes",
    "render_cell",
]
