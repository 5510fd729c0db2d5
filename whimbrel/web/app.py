"""The FastAPI application behind ``whimbrel serve``: HTML pages and a JSON API over one database.

The database is opened read-only once; every request gets its own DuckDB cursor, so requests
served on different threads never share a connection handle.
"""


import math
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..query import EventFilter
from ..store import Store
from . import data, params
from .params import BadRequest

_HERE = resources.files("whimbrel.web")
API_TAGS = [{"name": "api", "description": "The data behind each page, as JSON."}]


class NotFound(LookupError):
    """An id that names nothing in the database (HTTP 404)."""


def _plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".csv", ".jsonl")) or path == "/openapi.json"


def create_app(db_path: str | Path) -> FastAPI:
    """The web application over the Whimbrel database at ``db_path`` (opened read-only)."""
    store = Store(db_path, read_only=True)
    app = FastAPI(
        title="Whimbrel",
        summary="Political event data coded from news: dyads, events, evidence and documents.",
        version=_version(),
        docs_url=None,  # FastAPI's own docs pages load Swagger UI from a CDN; /docs below is local
        redoc_url=None,
        openapi_tags=API_TAGS,
    )
    app.state.store = store
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.globals["quad_names"] = data.QUAD_NAMES
    templates.env.globals["realis_values"] = sorted(params.REALIS_ALL)
    templates.env.globals["event_types"] = params.event_types()
    templates.env.filters["url_with"] = _url_with
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")

    def cursor() -> Iterator[Any]:
        cur = store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    Cur = Annotated[Any, Depends(cursor)]

    def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
        response = templates.TemplateResponse(request, name, context, status_code=status)
        return response

    # --- errors: 400 for bad parameters, 404 for unknown ids, never a 500 for either ----------

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page(request, "error.html", {"status": status, "message": message}, status)

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {err.get('msg', 'invalid value')}")
        return error(request, 400, "invalid parameter — " + "; ".join(problems))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error(request, exc.status_code, message)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    # --- shared parameters -------------------------------------------------------------------

    Since = Annotated[str | None, Query(description="Earliest event date: YYYY-MM-DD, YYYY-MM or YYYY.")]
    Until = Annotated[str | None, Query(description="Latest event date: YYYY-MM-DD, YYYY-MM or YYYY (inclusive).")]
    RealisQ = Annotated[str | None, Query(description="asserted, future, negated, hypothetical or denied.")]
    PerPage = Annotated[int, Query(description=f"Events per page, 1 to {params.MAX_PER_PAGE}.")]

    def base_filter(since, until, realis) -> EventFilter:
        return params.search(since=since, until=until, realis_=realis).filter

    def search_args(actor, recipient, type_, mode, since, until, realis, q):
        return params.search(actor=actor, recipient=recipient, type_=type_, mode_=mode, since=since, until=until,
                             realis_=realis, q=q)

    def paging(total: int, pg: int, per: int) -> dict:
        return {"total": total, "page": pg, "per_page": per, "pages": max(1, math.ceil(total / per))}

    # --- overview ------------------------------------------------------------------------------

    def overview_data(cur, since, until, realis) -> dict:
        flt = base_filter(since, until, realis)
        result = data.overview(cur, flt)
        result["filter"] = {"since": flt.since, "until": flt.until, "realis": flt.realis}
        return result

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, cur: Cur, since: Since = None, until: Until = None, realis: RealisQ = None):
        result = overview_data(cur, since, until, realis)
        return page(request, "overview.html", {"o": result, "chart_spec": _overview_chart(result)})

    @app.get("/api/overview", tags=["api"])
    def api_overview(cur: Cur, since: Since = None, until: Until = None, realis: RealisQ = None) -> dict:
        """Event counts: monthly by quad class, top dyads, top actors and event types."""
        return overview_data(cur, since, until, realis)

    # --- dyad ----------------------------------------------------------------------------------

    def dyad_data(cur, a, b, since, until, realis, pg, per) -> dict:
        a, b = params.code(a, "actor"), params.code(b, "recipient")
        flt = base_filter(since, until, realis)
        pg, per = params.page(pg), params.per_page(per)
        result = data.dyad(cur, a, b, flt, page=pg, per_page=per)
        result["filter"] = {"since": flt.since, "until": flt.until, "realis": flt.realis}
        result.update(paging(result["events"], pg, per))
        return result

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, cur: Cur, a: str, b: str, since: Since = None, until: Until = None,
                  realis: RealisQ = None, page_: Annotated[int, Query(alias="page")] = 1, per_page: PerPage = 50):
        result = dyad_data(cur, a, b, since, until, realis, page_, per_page)
        for row in result["rows"]:
            row["evidence"] = data.evidence(row)
        return page(request, "dyad.html", {"d": result, "chart_spec": _dyad_chart(result)})

    @app.get("/api/dyad/{a}/{b}", tags=["api"])
    def api_dyad(cur: Cur, a: str, b: str, since: Since = None, until: Until = None, realis: RealisQ = None,
                 page_: Annotated[int, Query(alias="page", description="Page number, from 1.")] = 1,
                 per_page: PerPage = 50) -> dict:
        """Both directions of a dyad (a→b and b→a): the monthly timeline and the events behind it."""
        result = dyad_data(cur, a, b, since, until, realis, page_, per_page)
        result["rows"] = [_event_json(r) for r in result["rows"]]
        return result

    # --- events ----------------------------------------------------------------------------------

    Actor = Annotated[str | None, Query(description="Actor-side country or organisation code, e.g. PRK.")]
    Recipient = Annotated[str | None, Query(description="Recipient-side code, e.g. RUS.")]
    TypeQ = Annotated[str | None, Query(alias="type", description="PLOVER event type, e.g. SUPPORT.")]
    ModeQ = Annotated[str | None, Query(description="PLOVER mode, e.g. visit.")]
    TextQ = Annotated[str | None, Query(description="Words in the evidence sentence.")]

    def events_data(cur, actor, recipient, type_, mode, since, until, realis, q, pg, per):
        s = search_args(actor, recipient, type_, mode, since, until, realis, q)
        pg, per = params.page(pg), params.per_page(per)
        total, rows = data.search_events(cur, s, page=pg, per_page=per)
        return s, {"filter": s.query_args(), **paging(total, pg, per), "rows": rows}

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, cur: Cur, actor: Actor = None, recipient: Recipient = None, type_: TypeQ = None,
                    mode: ModeQ = None, since: Since = None, until: Until = None, realis: RealisQ = None,
                    q: TextQ = None, page_: Annotated[int, Query(alias="page")] = 1, per_page: PerPage = 50):
        s, result = events_data(cur, actor, recipient, type_, mode, since, until, realis, q, page_, per_page)
        for row in result["rows"]:
            row["evidence"] = data.evidence(row)
        args = s.query_args()
        return page(request, "events.html", {
            "r": result, "args": args, "per_page_arg": per_page,
            "csv_url": "/events.csv" + ("?" + urlencode(args) if args else ""),
            "jsonl_url": "/events.jsonl" + ("?" + urlencode(args) if args else ""),
            "api_url": "/api/events" + ("?" + urlencode(args) if args else ""),
        })

    @app.get("/api/events", tags=["api"])
    def api_events(cur: Cur, actor: Actor = None, recipient: Recipient = None, type_: TypeQ = None,
                   mode: ModeQ = None, since: Since = None, until: Until = None, realis: RealisQ = None,
                   q: TextQ = None, page_: Annotated[int, Query(alias="page", description="Page number, from 1.")] = 1,
                   per_page: PerPage = 50) -> dict:
        """Search events; paginated, newest filters as in `whimbrel events`."""
        _, result = events_data(cur, actor, recipient, type_, mode, since, until, realis, q, page_, per_page)
        result["rows"] = [_event_json(r) for r in result["rows"]]
        return result

    def download(cur, fmt, actor, recipient, type_, mode, since, until, realis, q) -> Response:
        s = search_args(actor, recipient, type_, mode, since, until, realis, q)
        body = data.export(cur, s, fmt)
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
        return Response(body, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})

    @app.get("/events.csv", tags=["api"], response_class=Response)
    def events_csv(cur: Cur, actor: Actor = None, recipient: Recipient = None, type_: TypeQ = None,
                   mode: ModeQ = None, since: Since = None, until: Until = None, realis: RealisQ = None,
                   q: TextQ = None):
        """Every event of a search (all pages) as CSV, columns as `whimbrel export --columns polecat`."""
        return download(cur, "csv", actor, recipient, type_, mode, since, until, realis, q)

    @app.get("/events.jsonl", tags=["api"], response_class=Response)
    def events_jsonl(cur: Cur, actor: Actor = None, recipient: Recipient = None, type_: TypeQ = None,
                     mode: ModeQ = None, since: Since = None, until: Until = None, realis: RealisQ = None,
                     q: TextQ = None):
        """Every event of a search (all pages) as JSON lines, columns as `whimbrel export --columns polecat`."""
        return download(cur, "jsonl", actor, recipient, type_, mode, since, until, realis, q)

    # --- one event, one document -----------------------------------------------------------------

    def event_data(cur, event_id: str) -> dict:
        row = data.event(cur, event_id) if len(event_id) <= 200 else None
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return row

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, cur: Cur, event_id: str):
        row = event_data(cur, event_id)
        row["evidence"] = data.evidence(row)
        return page(request, "event.html", {"e": row, "record": _event_json(row)})

    @app.get("/api/event/{event_id}", tags=["api"])
    def api_event(cur: Cur, event_id: str) -> dict:
        """One event: the full stored record and the quotes it cites."""
        return _event_json(event_data(cur, event_id))

    def document_data(cur, doc_id: str) -> dict:
        doc = data.document(cur, doc_id) if len(doc_id) <= 500 else None
        if doc is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return doc

    @app.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, cur: Cur, doc_id: str):
        doc = document_data(cur, doc_id)
        doc["segments"] = data.document_segments(doc)
        return page(request, "document.html", {"doc": doc})

    @app.get("/api/document/{doc_id:path}", tags=["api"])
    def api_document(cur: Cur, doc_id: str) -> dict:
        """One document: its text and metadata, actors, mentions (with offsets), events and quotes."""
        doc = document_data(cur, doc_id)
        doc["events"] = [_event_json(e) for e in doc["events"]]
        return doc

    # --- assets and docs -------------------------------------------------------------------------

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js():
        return FileResponse(_plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return page(request, "docs.html", {"endpoints": _endpoints(app.openapi()), "info": app.openapi()["info"]})

    return app


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the database at ``db_path`` read-only on http://host:port (this machine only by default)."""
    import uvicorn

    app = create_app(db_path)
    print(f"whimbrel: serving {db_path} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="info")


# --- helpers ----------------------------------------------------------------------------------


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("whimbrel")
    except PackageNotFoundError:  # not installed (running from a checkout)
        return "0"


def _event_json(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k not in ("content_hash", "doc_sentence", "evidence", "doc_title")}
    return out


def _url_with(args: dict, **changes) -> str:
    merged = {**args, **{k: v for k, v in changes.items()}}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


_QUAD_COLOURS = {1: "#4c9f70", 2: "#1f6f8b", 3: "#e0a030", 4: "#c8443c"}


def _overview_chart(o: dict) -> dict:
    months = sorted({r["month"] for r in o["timeline"]})
    traces = []
    for quad, name in data.QUAD_NAMES.items():
        counts = {r["month"]: r["events"] for r in o["timeline"] if r["quad_class"] == quad}
        traces.append({"type": "bar", "name": name, "x": months, "y": [counts.get(m, 0) for m in months],
                       "marker": {"color": _QUAD_COLOURS[quad]}})
    layout = {"barmode": "stack", "height": 340, "margin": {"t": 20, "r": 20, "b": 40, "l": 50},
              "xaxis": {"type": "category", "title": {"text": "month"}}, "yaxis": {"title": {"text": "events"}},
              "legend": {"orientation": "h"}}
    return {"data": traces, "layout": layout}


def _dyad_chart(d: dict) -> dict:
    a, b = d["actor"], d["recipient"]
    months = sorted({r["month"] for r in d["timeline"]})
    traces = []
    for direction, sign, label in (("ab", 1, f"{a}→{b}"), ("ba", -1, f"{b}→{a}")):
        for quad, name in data.QUAD_NAMES.items():
            counts = {r["month"]: r["events"] for r in d["timeline"]
                      if r["direction"] == direction and r["quad_class"] == quad}
            if not counts:
                continue
            traces.append({"type": "bar", "name": f"{label} {name}", "x": months,
                           "y": [sign * counts.get(m, 0) for m in months],
                           "marker": {"color": _QUAD_COLOURS[quad], "opacity": 1 if sign > 0 else 0.6},
                           "legendgroup": direction})
        means = {r["month"]: r["mean_goldstein"] for r in d["monthly"] if r["direction"] == direction}
        if means:
            traces.append({"type": "scatter", "mode": "lines+markers", "name": f"{label} mean Goldstein",
                           "x": [m for m in months if m in means], "y": [means[m] for m in months if m in means],
                           "yaxis": "y2", "line": {"dash": "solid" if sign > 0 else "dot", "color": "#333"}})
    layout = {"barmode": "relative", "height": 380, "margin": {"t": 20, "r": 60, "b": 40, "l": 50},
              "xaxis": {"type": "category", "title": {"text": "month"}},
              "yaxis": {"title": {"text": f"events ({a}→{b} up, {b}→{a} down)"}},
              "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y", "side": "right", "range": [-10, 10]},
              "legend": {"orientation": "h"}}
    return {"data": traces, "layout": layout}


def _endpoints(spec: dict) -> list[dict]:
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                "description": p.get("description", "")} for p in op.get("parameters", [])],
            })
    return out
