"""The command's side of the engine kept warm (warm.py): `mouarchive build` asks it to build, having
imported as little as it can.

Python's start and the command's imports were about 80 ms of a 1,000-document edit's 0.3 s
(benchmarks/RESULTS.md, issue 12), most of them for what the command sent: its settings, read and
checked (config.py), and a pickled report back. So the command sends only what it was asked (the
site and the settings its options give, --drafts, MOUARCHIVE_NOW, where its code is, its working
directory) and finds the engine's socket by the one setting that places it (`output_dir`, or
--output); the engine reads the settings itself and declines where they are not its own, and
answers with the lines to print. A forced build is the command's own.

Both ends speak marshal (Python's own format for plain values, with nothing to import) over a Unix
socket in the cache, made 0600, and each checks the other's user.
"""

from __future__ import annotations

import marshal
import os
import socket
import struct
import tomllib
from pathlib import Path
from typing import Any

from .clock import NOW_VARIABLE
from .locations import CONFIG_NAME, DEFAULT_OUTPUT_DIR, cache_path

SOCKET_NAME = "warm.sock"
VARIABLE = "MOUARCHIVE_KEEP_WARM"
PROTOCOL = 2  # what a request holds; an engine that speaks another declines
PACKAGE = str(Path(__file__).parent)  # where the code of this process is
_LENGTH = struct.Struct("!Q")
_CONNECT_WITHIN = 2.0  # seconds
_ANSWER_WITHIN = 600.0  # a build takes what it takes; an engine that does not answer is stuck


def seconds_set() -> int | None:
    """MOUARCHIVE_KEEP_WARM's seconds, if it is set to a whole number (else the setting counts)."""
    value = os.environ.get(VARIABLE)
    try:
        return max(0, int(value)) if value is not None else None
    except ValueError:
        return None


def ask(site: str, overrides: dict[str, str | bool], drafts: bool) -> dict[str, Any] | None:
    """The warm engine's answer to `mouarchive build --site SITE` with the settings `overrides`
    gives over mouarchive.toml's (--output ...) and --drafts: {"summary": the lines to print,
    "warnings": each Problem's fields}; None when there is no engine, or it declines (the caller
    then builds as it would have)."""
    if seconds_set() == 0:
        return None
    root = Path(site)
    try:
        settings = tomllib.loads((root / CONFIG_NAME).read_text("utf-8")) \
            if (root / CONFIG_NAME).exists() else {}
    except (OSError, ValueError):
        return None  # (the build reports what is wrong with the file)
    output = overrides.get("output_dir", settings.get("output_dir", DEFAULT_OUTPUT_DIR))
    path = cache_path(root / output) / SOCKET_NAME if isinstance(output, str) else None
    if path is None or not path.exists():
        return None
    request = {"protocol": PROTOCOL, "site": site, "overrides": overrides, "drafts": drafts,
               "cwd": os.getcwd(), "package": PACKAGE, "now": os.environ.get(NOW_VARIABLE, "")}
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(_CONNECT_WITHIN)
            connection.connect(str(path))
            if peer_user(connection) != os.getuid():
                return None
            connection.settimeout(_ANSWER_WITHIN)
            send(connection, request)
            answer = receive(connection)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no engine, or it died: the caller builds
    return answer if isinstance(answer, dict) and isinstance(answer.get("summary"), str) else None


def peer_user(connection: socket.socket) -> int:
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", credentials)[1]


def send(connection: socket.socket, value: Any) -> None:
    data = marshal.dumps(value)
    connection.sendall(_LENGTH.pack(len(data)) + data)


def receive(connection: socket.socket) -> Any:
    """The value sent (ValueError if it is not one marshal makes)."""
    length = _LENGTH.unpack(_exactly(connection, _LENGTH.size))[0]
    return marshal.loads(_exactly(connection, length))


def _exactly(connection: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = connection.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError("the other end closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
