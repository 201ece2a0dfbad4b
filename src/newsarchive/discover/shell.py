"""A home page that is a script's empty shell: why exploring found nothing there.

A site drawn in the browser by a framework (AngularJS's ``<div ng-view>``, Angular's
``<app-root>``, an empty ``<div id="app">``) sends the same page of a few words for
every address; its news arrive as JSON its script asks for, and its links are views of
the script (``#!/novini/5``) when it routes by hash-bangs. When its server answers
the AJAX crawling scheme's snapshots (``urls.escaped_fragment``) there is HTML to read;
when it does not, there is nothing, and "not a news site, or one that needs a
profile" sends a person looking for a profile that cannot help: saying the page is a
script's shell names the real cause.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# At most so many words of text in the body (scripts, styles and templates aside): a
# shell's logo, menu and "Зареждане…"; a page a server wrote holds far more.
SHELL_WORDS = 40

# A framework's mount point, and the framework it names.
_MOUNTS = (
    ("[ng-app], [data-ng-app], [ng-view], [data-ng-view], [ui-view]", "AngularJS"),
    ("app-root", "Angular"),
    ("#app, #root, #__nuxt, #__next", ""),
)


def script_shell(tree: LexborHTMLParser) -> str:
    """What the page is, when it is a script's empty shell (a framework's mount point
    and no more than ``SHELL_WORDS`` words): "AngularJS's empty shell of 11 words"; ""
    otherwise."""
    framework = next((name for css, name in _MOUNTS if tree.css_first(css) is not None), None)
    body = tree.body
    if framework is None or body is None:
        return ""
    text = body.clone()
    for node in text.css("script, style, noscript, template"):
        node.decompose()
    words = len((text.text(separator=" ") or "").split())
    if words > SHELL_WORDS:
        return ""
    whose = f"{framework}'s" if framework else "a script's"
    return f"{whose} empty shell of {words} words"


def shell_problem(shell: str, *, no_snapshot: bool) -> str:
    """Why a site whose home page is ``shell`` (``script_shell``) gave nothing, in one
    line; ``no_snapshot``: a hash-bang view asked as its snapshot answered the shell."""
    why = f"it is {shell}, the site drawn by JavaScript"
    if no_snapshot:
        why += " (its views hash-bang links, #!/…, answered with no HTML snapshot)"
    return why + "; newsarchive reads the HTML a server sends, not what a script draws"
