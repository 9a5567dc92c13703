"""web: the analyst's web app and JSON API over the store (FastAPI + Jinja2, read-only).

Start it with `eventscope serve --db FILE`; `create_app(path)` builds the application.
"""


def create_app(db_path):
    from eventscope.web.app import create_app as build

    return build(db_path)


__all__ = ["create_app"]
