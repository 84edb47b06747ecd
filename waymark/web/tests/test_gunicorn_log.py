"""gunicorn's own error lines, through the logger class gunicorn.conf.py names.

tests/test_production_server.py sends the running server bad requests; this covers the line
gunicorn writes when a request fails inside it, which no client can cause on purpose.
"""

from gunicorn.config import Config

from waymark.web.logging import GunicornLogger

SENTINEL = "sentinel-5d2a"


def test_a_request_that_fails_inside_gunicorn_keeps_its_frames_but_not_its_path(tmp_path):
    config = Config()
    config.set("errorlog", str(tmp_path / "error.log"))
    log = GunicornLogger(config)
    try:
        raise ValueError(f"could not send {SENTINEL}")
    except ValueError:
        log.exception("Error handling request %s %s", "POST", f"/en/{SENTINEL}/")

    text = (tmp_path / "error.log").read_text()
    assert text.startswith("ERROR gunicorn.error Error handling request\n")
    assert "test_a_request_that_fails_inside_gunicorn" in text  # the frame
    assert "builtins.ValueError: (message withheld" in text
    assert SENTINEL not in text
