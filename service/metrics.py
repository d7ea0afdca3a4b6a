"""Prometheus metrics at ``/metrics`` (CREDENCE_METRICS, off by default).

- ``credence_http_requests_total{method,route,status}`` and
  ``credence_http_request_duration_seconds{method,route,status}``: every request, by its
  route pattern (``/v1/score``; ``unmatched`` for any path with no route, so clients cannot
  grow the label set).
- ``credence_scoring_seconds{stage}``: time in each stage the service runs per article,
  ``analyse`` (the pipeline, ``Engine.analyse``) and ``render`` (the response body).
- ``credence_pipeline_stage_seconds{stage}``: time in each stage of the pipeline inside
  ``analyse``, per article, as the engine names them (service/pipeline/engine.py:
  ``segment``, ``model``, ``attribute``, ``gate``, ``appositions``, ``people``, ``hedges``,
  ``verification_notes``, ``sourcing_notes``, ``roles``, ``score``, ``aggregate``). With
  metrics off nothing is timed (service/pipeline/timing.py).

Under gunicorn each worker is its own process: gunicorn_conf.py points
``PROMETHEUS_MULTIPROC_DIR`` at a fresh directory before the app is loaded, so every worker
writes its samples there and a scrape of any worker adds them all up (prometheus_client's
multiprocess mode); a dead worker's files are marked so. In one process (tests, ``flask
run``) the app's own registry is used. ``/metrics`` needs an API key when keys are on, like
every path but health.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from typing import Iterator

from flask import Flask, Response, current_app, g, request

from .pipeline.timing import observing

METRICS_EXTENSION = "credence_metrics"
MULTIPROCESS_DIRECTORY = "PROMETHEUS_MULTIPROC_DIR"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
# A pipeline stage of a short article takes well under a millisecond.
STAGE_BUCKETS = (0.0005, 0.001, 0.0025, *LATENCY_BUCKETS)


class _Metrics:
    def __init__(self):
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = CollectorRegistry()
        labels = ["method", "route", "status"]
        self.requests = Counter("credence_http_requests", "Requests answered.", labels, registry=self.registry)
        self.latency = Histogram("credence_http_request_duration_seconds", "Time to answer a request.", labels,
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.stages = Histogram("credence_scoring_seconds", "Time in each scoring stage, per article.", ["stage"],
                                buckets=LATENCY_BUCKETS, registry=self.registry)
        self.pipeline_stages = Histogram("credence_pipeline_stage_seconds", "Time in each pipeline stage, per article.",
                                         ["stage"], buckets=STAGE_BUCKETS, registry=self.registry)

    def observe_pipeline_stage(self, stage: str, seconds: float) -> None:
        self.pipeline_stages.labels(stage).observe(seconds)

    def exposition(self) -> bytes:
        from prometheus_client import CollectorRegistry, generate_latest, multiprocess

        if not os.environ.get(MULTIPROCESS_DIRECTORY):
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)


@contextmanager
def timed_stage(stage: str) -> Iterator[None]:
    """Time a scoring stage into credence_scoring_seconds, and the pipeline's stages run inside
    it into credence_pipeline_stage_seconds (nothing when metrics are off)."""
    metrics = current_app.extensions.get(METRICS_EXTENSION)
    if metrics is None:
        yield
        return
    started = time.perf_counter()
    try:
        with observing(metrics.observe_pipeline_stage):
            yield
    finally:
        metrics.stages.labels(stage).observe(time.perf_counter() - started)


def install_metrics(app: Flask) -> None:
    if not app.config["CREDENCE_METRICS"]:
        return
    from prometheus_client import CONTENT_TYPE_LATEST

    metrics = app.extensions[METRICS_EXTENSION] = _Metrics()

    @app.after_request
    def count(response):
        route = request.url_rule.rule if request.url_rule is not None else "unmatched"
        labels = (request.method, route, str(response.status_code))
        metrics.requests.labels(*labels).inc()
        metrics.latency.labels(*labels).observe(time.perf_counter() - g.request_started)
        return response

    app.add_url_rule(
        "/metrics",
        endpoint="metrics",
        view_func=lambda: Response(metrics.exposition(), content_type=CONTENT_TYPE_LATEST),
    )


def mark_worker_dead(pid: int) -> None:
    """gunicorn's child_exit hook: a dead worker's samples stay counted, its live gauges go."""
    if os.environ.get(MULTIPROCESS_DIRECTORY):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)
