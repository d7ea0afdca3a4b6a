# credence: the scoring service under gunicorn, as `credence serve` runs it.
# The base image is pinned to one Python patch release on one Debian release, so a rebuild
# gets the same interpreter; bump it deliberately (and pin its digest where your registry
# mirror provides one).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CREDENCE_BIND=0.0.0.0:8000

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin credence \
    && mkdir -p /var/lib/credence && chown credence /var/lib/credence
# The store (SQLite by default) lives in a volume, so stored results outlive the container;
# set CREDENCE_DATABASE_URL to use PostgreSQL instead.
ENV CREDENCE_DATA_DIR=/var/lib/credence
VOLUME /var/lib/credence
WORKDIR /app

# 1. The dependencies, from pyproject.toml alone: a change to the code does not reinstall
#    them. Only the base dependencies (no extras: no test, bench or training libraries).
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt

# 2. The service itself (the trained model ships inside it as package data); the training
#    code and data stay out of the image.
COPY README.md ./
COPY service ./service
RUN pip install --no-deps . && python -c "import service.pipeline.engine"

USER credence
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/v1/health', timeout=4)" || exit 1

CMD ["gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"]
