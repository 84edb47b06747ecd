"""Headers and request hygiene that hold on every response Waymark sends."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseNotAllowed
from django.middleware.csrf import CsrfViewMiddleware

# Request headers that could tell who or where a person is. They are removed before any
# view, logger or error report can see them; Waymark has no use for them.
IDENTIFYING_HEADERS = (
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_CLIENT_IP",
    "HTTP_VIA",
)
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder address, not a bind
# Pages are read and forms are posted; nothing else is served (TRACE would echo a request).
SERVED_METHODS = ("GET", "HEAD", "POST")

PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# The staff admin uses Django's own scripts, served from this site.
STAFF_POLICY = PAGE_POLICY + "; script-src 'self'"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), microphone=(), payment=(), usb=(), browsing-topics=()"
)


class PrivacyAndSecurityHeadersMiddleware:
    """Forgets who is asking, and tells the browser to keep the page to itself."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL
        self.staff_prefix = "/staff/"

    def __call__(self, request):
        meta = request.META
        for header in IDENTIFYING_HEADERS:
            meta.pop(header, None)
        meta["REMOTE_ADDR"] = UNKNOWN_ADDRESS
        if request.method in SERVED_METHODS:
            response = self.get_response(request)
        else:
            response = HttpResponseNotAllowed(SERVED_METHODS)
        path = request.path
        response["Content-Security-Policy"] = (
            STAFF_POLICY if path.startswith(self.staff_prefix) else PAGE_POLICY
        )
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        # Referrer-Policy, nosniff and COOP come from Django's SecurityMiddleware
        # (settings.SECURE_*). X-Frame-Options too, from XFrameOptionsMiddleware, except on
        # what WhiteNoise answers before it: static files.
        response.setdefault("X-Frame-Options", "DENY")
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        if not path.startswith(self.static_prefix):
            # Nothing a person reads or writes here should stay in a shared browser's cache.
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


class BodyLimitMiddleware:
    """Refuses a request body over the cap whatever its type, before any view reads it.

    Django caps only form-encoded bodies; a multipart one would reach the view (and a
    passphrase field, Argon2). Nothing is ever uploaded, so no body needs to be long.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_body = settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = self.max_body + 1
        if length > self.max_body:
            raise RequestDataTooBig("Request body exceeded the limit.")
        return self.get_response(request)


class OnionFriendlyCsrfViewMiddleware(CsrfViewMiddleware):
    """Django's CSRF check, accepting the `Origin: null` that `Referrer-Policy: no-referrer`
    makes browsers send on their own same-origin form posts.

    `Sec-Fetch-Site` is set by the browser and cannot be forged by another site's page, so a
    null origin with `same-origin` is this site's own form. The CSRF token is still checked.
    """

    def process_view(self, request, callback, callback_args, callback_kwargs):
        meta = request.META
        if meta.get("HTTP_ORIGIN") == "null" and meta.get("HTTP_SEC_FETCH_SITE") == "same-origin":
            scheme = "https" if request.is_secure() else "http"
            meta["HTTP_ORIGIN"] = f"{scheme}://{request.get_host()}"
        return super().process_view(request, callback, callback_args, callback_kwargs)
