"""The service as deployed: `credence serve` and gunicorn with service.gunicorn_conf.

Settings are checked before gunicorn starts: an unusable one is one line naming the
variable and no traceback, whichever way the server is started.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from service.config import ConfigError, load_config

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"]
CREDENCE = [sys.executable, "-m", "service.cli"]

UNUSABLE_SERVING_SETTINGS = [
    ("CREDENCE_WORKERS", "two", "whole number"),
    ("CREDENCE_WORKERS", "0", "must be positive"),
    ("CREDENCE_TIMEOUT", "0", "positive number of seconds"),
    ("CREDENCE_TIMEOUT", "soon", "number of seconds"),
    ("CREDENCE_BIND", "8000", "HOST:PORT"),
    ("CREDENCE_BIND", "127.0.0.1:99999", "HOST:PORT"),
]


def run_briefly(command: list[str], **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CREDENCE_")} | environment
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("setting, value, message", UNUSABLE_SERVING_SETTINGS)
def test_unusable_serving_setting_is_refused_by_config_loading(setting, value, message):
    with pytest.raises(ConfigError, match=setting) as raised:
        load_config(environ={setting: value})
    assert message in str(raised.value)


@pytest.mark.parametrize("starter", [CREDENCE + ["serve"], GUNICORN], ids=["credence serve", "gunicorn"])
@pytest.mark.parametrize("setting, value, message", UNUSABLE_SERVING_SETTINGS[::2] + UNUSABLE_SERVING_SETTINGS[1:2])
def test_unusable_serving_setting_stops_the_server_with_one_line(starter, setting, value, message):
    finished = run_briefly(starter, **{setting: value})
    assert finished.returncode != 0
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1 and setting in lines[0] and message in lines[0], finished.stderr
    assert "Traceback" not in finished.stderr


@pytest.mark.parametrize("option, value, setting", [("--port", "0", "CREDENCE_BIND"), ("--workers", "many", "CREDENCE_WORKERS")])
def test_unusable_serve_option_is_refused_like_its_setting(option, value, setting):
    finished = run_briefly(CREDENCE + ["serve", option, value])
    assert finished.returncode == 2 and setting in finished.stderr and "Traceback" not in finished.stderr
