"""The application factory: settings, the search service, blueprints, error pages, headers."""

from __future__ import annotations

import time
from types import ModuleType

from flask import Flask, Response, g
from flask.json.provider import DefaultJSONProvider

from search_web import api, feeds, pages, service
from search_web.errors import register_error_handlers
from search_web.formatting import CLOCK_KEY, register_template_helpers, system_clock
from search_web.service import SearchBackend
from search_web.settings import Settings

resource: ModuleType | None
try:
    import resource
except ImportError:  # not on Windows
    resource = None

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


def thread_cpu_seconds() -> float:
    """CPU time of the calling thread (getrusage is far cheaper than thread_time here)."""
    if _RUSAGE_THREAD is None:
        return time.thread_time()
    usage = resource.getrusage(_RUSAGE_THREAD)
    return usage.ru_utime + usage.ru_stime


_RUSAGE_THREAD = getattr(resource, "RUSAGE_THREAD", None) if resource is not None else None


def start_timing() -> None:
    """Note when the request started, in wall time and in this thread's CPU time."""
    g.timing_started = (time.perf_counter(), thread_cpu_seconds())


def add_server_timing(response: Response) -> Response:
    """``Server-Timing``: what answering took in the app, and the CPU time it used.

    Browsers' developer tools and monitors read it, and so does the speed bench, which
    compares the page with the API by the work each did, whatever else the machine runs.
    """
    started = g.get("timing_started")
    if started is not None:
        wall = (time.perf_counter() - started[0]) * 1000
        cpu = (thread_cpu_seconds() - started[1]) * 1000
        response.headers["Server-Timing"] = f"app;dur={wall:.2f}, cpu;dur={cpu:.2f}"
    return response


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
    app.before_request(start_timing)
    app.after_request(add_server_timing)
    app.after_request(add_security_headers)

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)
    return app
