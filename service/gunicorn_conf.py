"""gunicorn settings for credence, shared by `credence serve` and the Dockerfile.

Use as ``gunicorn -c python:service.gunicorn_conf "service:create_app()"``. Every
value can be changed by the environment variable named beside it.
"""
import os

# Where to listen (CREDENCE_BIND); 127.0.0.1 for local use, 0.0.0.0 in a container.
bind = os.environ.get("CREDENCE_BIND", "127.0.0.1:8000")
# One worker per core: scoring is CPU-bound Python (CREDENCE_WORKERS).
workers = int(os.environ.get("CREDENCE_WORKERS", "2"))
# Request time limit: a worker busy longer than this is killed and replaced, so no
# input can hang the service (CREDENCE_TIMEOUT, seconds).
timeout = int(os.environ.get("CREDENCE_TIMEOUT", "30"))
graceful_timeout = 10
# Load the app (and the model) once in the master, before forking: start-up fails fast
# with a clear message if the model is missing, and workers share its memory.
preload_app = True
# Recycle workers now and then so no slow leak can grow without bound.
max_requests = 20000
max_requests_jitter = 2000
