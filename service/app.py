"""The Flask application factory (see ``service.create_app``)."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask, send_from_directory
from flask_smorest import Api
from swagger_ui_bundle import swagger_ui_path

from .api import ENGINE_EXTENSION, blp
from .config import load_config
from .engines import load_engine
from .errors import register_error_handlers
from .language import load_detector
from .limits import install_body_limit
from .metrics import install_metrics
from .observability import install_request_logging
from .operators import install_cors, install_rate_limits
from .schemas import ErrorSchema
from .security import (
    BEARER_SCHEME,
    BEARER_SCHEME_SPEC,
    DOCUMENTATION_ASSETS,
    install_api_keys,
    install_security_headers,
)
from .store import ArticleStore
from .store_api import STORE_EXTENSION
from .store_api import blp as store_blp
from .story_page import story_page
from .viewer import install_viewer

SWAGGER_ASSETS_URL = DOCUMENTATION_ASSETS


class CredenceApi(Api):
    """flask-smorest's Api with our single error shape (message always present)."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        register_error_handlers(self._app)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the service: defaults < CREDENCE_* environment < ``config``.

    Loads the model here, once; a missing or foreign model file stops start-up with a
    message naming CREDENCE_MODEL_PATH.
    """
    settings = load_config(overrides=config)
    app = Flask(__name__)
    # No redirects: werkzeug would build their Location from the client's Host header
    # ("//v1//health" -> 308 to http://evil.example/v1/health). A path is served as
    # written or is a 404.
    app.url_map.merge_slashes = False
    app.url_map.strict_slashes = False
    app.config.update(settings)
    app.config.update(
        MAX_CONTENT_LENGTH=settings["CREDENCE_MAX_BODY_BYTES"],
        API_TITLE="credence",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="v1/openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL=SWAGGER_ASSETS_URL,
        # The document tells the truth about this instance: keys required only if configured.
        API_SPEC_OPTIONS={"security": [{BEARER_SCHEME: []}]} if settings["CREDENCE_API_KEYS"] else {},
    )
    app.config.update({k: v for k, v in (config or {}).items() if not k.startswith("CREDENCE_")})
    app.json.sort_keys = False
    app.extensions[ENGINE_EXTENSION] = load_engine(settings["CREDENCE_MODEL_PATH"])
    load_detector()  # the language model too, at start-up rather than on the first request
    # The store: created and migrated on first start (service/store).
    app.extensions[STORE_EXTENSION] = ArticleStore.open(settings)

    # Order matters: the request clock and id come first, so refused requests are logged
    # too; rate limits before the key (guessing keys is limited too); the key is checked
    # before any body is read.
    install_request_logging(app)
    install_rate_limits(app)
    install_api_keys(app)
    install_body_limit(app)
    install_security_headers(app)
    install_cors(app)
    install_metrics(app)

    api = CredenceApi(app)
    api.spec.components.security_scheme(BEARER_SCHEME, BEARER_SCHEME_SPEC)
    api.register_blueprint(blp)
    api.register_blueprint(store_blp)
    install_viewer(app)  # GET / and POST /view: the page for people (not part of the OpenAPI document)
    app.register_blueprint(story_page)  # GET /stories/{story}: the story view for people
    app.add_url_rule(
        f"{SWAGGER_ASSETS_URL}<path:filename>",
        endpoint="swagger_ui_assets",
        view_func=lambda filename: send_from_directory(swagger_ui_path, filename),
    )
    return app
