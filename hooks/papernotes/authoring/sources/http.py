"""One HTTP GET for the importers and the scaffold: urllib with a timeout and a size cap.

Every way it can fail (offline, HTTP error, timeout, an answer too large) becomes a
`FetchError` whose message names the host and says what happened, for a person to read.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request

USER_AGENT = "papernotes/0.1 (research-notes site; https://pypi.org/project/papernotes/)"


class FetchError(Exception):
    """The request failed; `str(error)` says why. `offline` is set when the host was unreachable."""

    def __init__(self, message: str, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


def fetch(url: str, *, timeout: float, max_bytes: int, label: str, accept: str | None = None,
          user_agent: str = USER_AGENT) -> bytes:
    """GET `url` and return at most `max_bytes` of its body; `label` names the service in messages."""
    host = urllib.parse.urlsplit(url).netloc
    who = f"{label} ({host})"
    headers = {"User-Agent": user_agent}
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - callers pass fixed https URLs
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - as above
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as err:
        raise FetchError(f"{who} answered HTTP {err.code} {err.reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{who} did not answer within {timeout:g} s") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{who} did not answer within {timeout:g} s") from None
        raise FetchError(f"could not reach {who}: {err.reason}; are you offline?", offline=True) from None
    except OSError as err:
        raise FetchError(f"could not read the answer of {who}: {err}") from None
    if len(body) > max_bytes:
        raise FetchError(f"the answer of {who} is larger than {max_bytes // 1024} KiB; refusing to read it")
    return body
