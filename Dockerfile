# credence: the scoring service under gunicorn. The build runs the README's set-up
# (install the project with pip) and the container runs what `credence serve` runs.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CREDENCE_BIND=0.0.0.0:8000

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin credence
WORKDIR /app

# Dependencies and the package (the trained model ships inside it as package data).
COPY pyproject.toml README.md ./
COPY service ./service
COPY training ./training
RUN pip install . && python -c "import service.pipeline.engine"

USER credence
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/v1/health', timeout=4)" || exit 1

CMD ["gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"]
