"""The FastAPI application: JSON API under /api, server-rendered pages elsewhere.

`create_app(db_path)` is all a caller needs; `eventscope serve` runs it with uvicorn.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventscope.web import api, pages
from eventscope.web.database import Database, DatabaseBusy
from eventscope.web.filters import FilterError

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
STATIC = Path(str(resources.files("eventscope.web").joinpath("static")))


def create_app(db_path: str | Path) -> FastAPI:
    app = FastAPI(
        title="eventscope",
        summary="Political events coded from news (CAMEO + PLOVER), their sources and stories.",
        version="0.1.0",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the schema is at /openapi.json
    )
    app.state.database = Database(db_path)
    app.state.templates = pages.templates()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        # Defence in depth behind the escaping: only our own files may run or style the page.
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        return _error(request, 400, str(exc))

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy):
        return _error(request, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or err['loc'][0]}: {err['msg']}" for err in exc.errors())
        if _is_api(request):
            return JSONResponse({"detail": problems, "errors": _plain(exc.errors())}, status_code=422)
        return pages.error_page(request, 422, problems)

    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str):
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return pages.error_page(request, status, message)


def _plain(errors) -> list[dict]:
    """Validation errors without the non-JSON parts (exceptions in ctx)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in errors]
