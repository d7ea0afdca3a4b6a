"""gunicorn settings for credence, shared by `credence serve` and the Dockerfile.

Use as ``gunicorn -c python:service.gunicorn_conf "service:create_app()"``. The
CREDENCE_* settings come from service.config, the one place that reads them; an unusable
value stops gunicorn here with one line naming the variable (no traceback).
"""
import math
import os
import sys
import tempfile

from service.config import ConfigError, load_config
from service.metrics import MULTIPROCESS_DIRECTORY, mark_worker_dead

try:
    settings = load_config()
except ConfigError as error:
    sys.exit(f"credence: {error}")

# Prometheus metrics (CREDENCE_METRICS): the workers write their samples into one directory,
# chosen before the app is loaded, and a scrape of any worker adds them up.
if settings["CREDENCE_METRICS"] and not os.environ.get(MULTIPROCESS_DIRECTORY):
    os.environ[MULTIPROCESS_DIRECTORY] = tempfile.mkdtemp(prefix="credence-metrics-")


def child_exit(server, worker):
    mark_worker_dead(worker.pid)


# Where to listen (CREDENCE_BIND); 127.0.0.1 for local use, 0.0.0.0 in a container.
bind = settings["CREDENCE_BIND"]
# One worker per core: scoring is CPU-bound Python (CREDENCE_WORKERS).
workers = settings["CREDENCE_WORKERS"]
# Threads per worker (service/gunicorn_worker.py: gunicorn's gthread worker with read
# deadlines and JSON protocol errors). An idle connection waits in the worker's poller; a
# slow one holds one thread until its read deadline; scoring runs in the others
# (CREDENCE_THREADS).
worker_class = "service.gunicorn_worker.CredenceWorker"
threads = settings["CREDENCE_THREADS"]
# A kept-alive connection with no next request is closed after this many seconds.
keepalive = 5
# The request time limit is inside the app (service/deadline.py: 503 at CREDENCE_TIMEOUT,
# the worker goes on). gunicorn's own limit only replaces a worker that stops answering its
# master altogether (a thread stuck in C code), a little later.
timeout = math.ceil(settings["CREDENCE_TIMEOUT"]) + 10
# A stopping worker finishes the requests it has begun: the longest may take CREDENCE_TIMEOUT.
graceful_timeout = math.ceil(settings["CREDENCE_TIMEOUT"]) + 5
# Load the app (and the model) once in the master, before forking: start-up fails fast
# with a clear message if the model is missing, and workers share its memory.
preload_app = True
# Recycle workers now and then so no slow leak can grow without bound.
max_requests = 20000
max_requests_jitter = 2000

# Logs. The service writes its own access line, one JSON object per request on the
# credence.access logger (service/observability.py: no article text, no header values,
# so never a key); gunicorn's access log stays off so a format with %({authorization}i)s
# can never leak a key, and nothing is logged twice. Access lines go to stdout, errors
# and tracebacks to stderr. Keys are read from the environment, never from gunicorn's
# settings, so not even `--log-level debug` (which prints the settings) shows one.
accesslog = None
loglevel = "info"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "generic": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(name)s: %(message)s"},
        "json_line": {"format": "%(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stderr"},
        "access": {"class": "logging.StreamHandler", "formatter": "json_line", "stream": "ext://sys.stdout"},
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        "credence.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
    },
}

# gunicorn 27 opens a control socket in $HOME by default (an admin interface for workers);
# the service does not use it, so it is not there to misuse, nor to fail on a read-only home.
control_socket_disable = True
