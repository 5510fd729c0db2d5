"""``whimbrel serve``: browse a Whimbrel database in a web browser, or query it as JSON.

``create_app(db_path)`` builds the FastAPI application (the database opened read-only);
``serve(db_path, host=..., port=...)`` runs it with uvicorn, bound to 127.0.0.1 by default.
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
