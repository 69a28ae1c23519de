"""The web review: FastAPI + Jinja2 pages over ``Review``, keyboard-first, safe by default.

Security: the server binds 127.0.0.1 unless told otherwise and answers only to local Host
names then (DNS rebinding); every write needs the token (printed at start or
$CLAIMWATCH_TOKEN) in a form field or the ``X-Claimwatch-Token`` header, and a request whose
Origin (or Sec-Fetch-Site) says it comes from another site is refused. Templates autoescape;
a Content-Security-Policy allows only our own script and style; the only files served are
the two named below, never a path from the request.
"""

from __future__ import annotations

import os
import re
import secrets
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from pipeline.errors import ReviewError
from pipeline.review import pages
from pipeline.review.queue import State
from pipeline.review.service import Filters, Review

TOKEN_ENV = "CLAIMWATCH_TOKEN"
COOKIE = "claimwatch_token"
HEADER = "x-claimwatch-token"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
FILTER_KEYS = ("status", "model", "attribute", "article")
ID = re.compile(r"^[0-9a-f]{1,64}$")
STATIC = {"review.js": "text/javascript", "review.css": "text/css"}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def resolve_token() -> str:
    """The write token: $CLAIMWATCH_TOKEN, or a fresh random one."""
    return os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.review", "templates"), autoescape=True)
    env.filters["plain"] = pages.plain
    env.filters["http_url"] = pages.http_url
    return env


class Guard(BaseHTTPMiddleware):
    """Local Host names only when bound locally; security headers on every answer."""

    def __init__(self, app: Any, local_only: bool) -> None:
        super().__init__(app)
        self.local_only = local_only

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        host = _hostname(request.headers.get("host", ""))
        if self.local_only and host not in LOCAL_HOSTS:
            return Response("unknown host", status_code=421)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0]


async def _form(request: Request) -> dict[str, str]:
    """The body as fields: url-encoded form or JSON (no multipart)."""
    body = (await request.body()).decode("utf-8", "replace")
    if request.headers.get("content-type", "").startswith("application/json"):
        import json

        data = json.loads(body or "{}")
        return {str(k): str(v) for k, v in data.items() if v is not None}
    return dict(parse_qsl(body, keep_blank_values=True))


def _same_origin(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin is None or origin == own


def _filters(params: Any) -> dict[str, str]:
    return {k: params[k] for k in FILTER_KEYS if params.get(k)}


def _query(filters: dict[str, str]) -> str:
    return ("?" + urlencode(filters)) if filters else ""


def _to_filters(fields: dict[str, str]) -> Filters:
    status = fields.get("status", "open")
    state = State(status) if status in State.__members__ else None
    return Filters(state, fields.get("model"), fields.get("attribute"), fields.get("article"))


def create_app(review: Review, token: str, reviewer: str, host: str = "127.0.0.1") -> FastAPI:
    """The review app; ``token`` guards every write, ``reviewer`` signs the decisions."""
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(Guard, local_only=host in LOCAL_HOSTS)
    templates = Jinja2Templates(env=_environment())

    def authed(request: Request) -> bool:
        given = request.cookies.get(COOKIE, "")
        return secrets.compare_digest(given.encode(), token.encode())

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        context |= {"token": token if authed(request) else None, "reviewer": reviewer}
        return templates.TemplateResponse(request, name, context)

    async def writable(request: Request) -> dict[str, str]:
        """The write's fields, once it has passed the cross-site and token checks."""
        if not _same_origin(request):
            raise HTTPException(403, "cross-site request refused")
        fields = await _form(request)
        given = request.headers.get(HEADER) or fields.get("token", "")
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(403, "a valid token is required to write")
        return fields

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request) -> Response:
        given = request.query_params.get("token")
        if given is not None:
            target = "/" + _query(_filters(request.query_params))
            response = RedirectResponse(target, status_code=303)
            if secrets.compare_digest(given.encode(), token.encode()):
                response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
            return response
        filters = _filters(request.query_params)
        items = review.queue(_to_filters(filters))
        context = pages.queue_context(review, items, filters)
        return render(request, "queue.html", **context, query=_query(filters))

    @app.get("/claim/{claim_id}", response_class=HTMLResponse)
    def claim(request: Request, claim_id: str) -> Response:
        item = _item(review, claim_id)
        filters = _filters(request.query_params)
        context = pages.item_context(review, item)
        return render(request, "claim.html", **context, filters=filters, query=_query(filters))

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> Response:
        context = pages.article_context(review, article_id) if ID.match(article_id) else None
        if context is None:
            raise HTTPException(404, "no such article")
        return render(request, "article.html", **context)

    @app.get("/model/{model_key}", response_class=HTMLResponse)
    def model(request: Request, model_key: str) -> Response:
        return render(request, "model.html", **pages.model_context(review, model_key))

    @app.get("/audit", response_class=HTMLResponse)
    def audit(request: Request) -> Response:
        return render(request, "audit.html", rows=review.audit())

    @app.get("/api/queue")
    def api_queue(request: Request) -> JSONResponse:
        items = review.queue(_to_filters(_filters(request.query_params)))
        return JSONResponse([pages.item_json(i) for i in items])

    @app.post("/decide")
    async def decide(request: Request) -> Response:
        fields = await writable(request)
        try:
            _, item = review.decide(
                fields.get("claim_id", ""), fields.get("decision", ""), reviewer, fields.get("note")
            )
        except ReviewError as exc:
            raise HTTPException(400, str(exc)) from None
        filters = _filters(fields)
        following = review.next_open(item, _to_filters(filters))
        target = f"/claim/{following.lead['id']}" if following else "/"
        return RedirectResponse(target + _query(filters), status_code=303)

    @app.post("/undo")
    async def undo(request: Request) -> Response:
        fields = await writable(request)
        try:
            claim_id = review.undo(reviewer, fields.get("batch") or None)
        except ReviewError as exc:
            raise HTTPException(409, str(exc)) from None
        return RedirectResponse(f"/claim/{claim_id}" + _query(_filters(fields)), status_code=303)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in STATIC:  # a fixed set of files: never a path taken from the request
            raise HTTPException(404)
        body = resources.files("pipeline.review").joinpath("static", name).read_bytes()
        return Response(body, media_type=STATIC[name])

    return app


def _item(review: Review, claim_id: str) -> Any:
    if not ID.match(claim_id):
        raise HTTPException(404, "no such claim")
    try:
        return review.item(claim_id)
    except ReviewError as exc:
        raise HTTPException(404, str(exc)) from None
