"""The application factory: settings, the search service, blueprints, error pages, headers."""

from __future__ import annotations

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

from search_web import api, feeds, pages, service
from search_web.errors import register_error_handlers
from search_web.formatting import CLOCK_KEY, register_template_helpers, system_clock
from search_web.service import SearchBackend
from search_web.settings import Settings

# No inline scripts or styles anywhere, so the policy needs no 'unsafe-inline'.
# Article images may live on the publisher's server, hence https: for img-src only.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https: data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class HtmlSafeJSONProvider(DefaultJSONProvider):
    """JSON with ``<``, ``>`` and ``&`` written as ``\\u`` escapes.

    The same data to every JSON parser, but a response that a browser is somehow
    made to read as HTML (a missing Content-Type, an old sniffing client, a JSON
    string pasted into a page) holds no markup at all. Those three characters only
    ever appear inside JSON strings, so replacing them is safe.
    """

    ensure_ascii = False
    sort_keys = False

    def dumps(self, obj: object, **kwargs: object) -> str:
        text = super().dumps(obj, **kwargs)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def add_security_headers(response: Response) -> Response:
    """Attach the security headers to every response, error pages and static files included."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def create_app(
    settings: Settings | None = None,
    *,
    search_service: SearchBackend | None = None,
    result_cache: int | None = None,
) -> Flask:
    """Build the Broadsheet web app.

    ``settings`` defaults to the environment (BROADSHEET_DATA_DIR). ``search_service``
    replaces the index-backed service, e.g. in tests; when omitted, the app opens one
    service on first use and keeps it for its lifetime, keeping up to ``result_cache``
    results for repeated searches (the service's default when None; 0 keeps none).
    """
    app = Flask(__name__)
    app.json = HtmlSafeJSONProvider(app)
    resolved = settings if settings is not None else Settings.from_env()
    app.config.update(
        BROADSHEET_SETTINGS=resolved,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.config.setdefault(CLOCK_KEY, system_clock)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    service.init_app(app, resolved, search_service, result_cache=result_cache)
    register_template_helpers(app)
    register_error_handlers(app)
    app.after_request(add_security_headers)

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)
    return app
