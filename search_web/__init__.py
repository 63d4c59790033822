"""Broadsheet's front end: the Flask app (HTML pages and JSON API) and the ``broadsheet`` CLI.

Use ``create_app()`` to build the web app; the console script lives in ``search_web.cli``.
"""

from search_web.app import create_app

__all__ = ["create_app"]
