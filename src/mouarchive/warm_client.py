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

# The C module under `socket`: the Python one (its enums, selectors) was 6 ms of the imports of a
# command that opens one connection (`python -X importtime`).
import _socket
import marshal
import os
import struct

from .locations import CONFIG_NAME, DEFAULT_OUTPUT_DIR, cache_dir

TYPE_CHECKING = False  # typing is 3 ms of imports, for the annotations only
if TYPE_CHECKING:
    from typing import Any

SOCKET_NAME = "warm.sock"
VARIABLE = "MOUARCHIVE_KEEP_WARM"
NOW_VARIABLE = "MOUARCHIVE_NOW"  # (clock.py reads it; here, so that asking imports no datetime)
PROTOCOL = 2  # what a request holds; an engine that speaks another declines
PACKAGE = os.path.dirname(os.path.abspath(__file__))  # where the code of this process is
_LENGTH = struct.Struct("!Q")
_CONNECT_WITHIN = 2.0  # seconds
_ANSWER_WITHIN = 600.0  # a build takes what it takes; an engine that does not answer is stuck

# `mouarchive build`'s options that a warm engine can answer, which cli.py's parser declares too:
# the site; each option that gives a setting over mouarchive.toml's, and the setting; --drafts
# and --strict. Any other (--force, --help, a mistyped one) is the parser's to read (quick_request).
SITE_OPTION, DEFAULT_SITE = "--site", "."
SETTING_OPTIONS = {"--output": "output_dir", "--base-url": "base_url"}
SETTING_SWITCHES = {"--no-search": ("search", False)}
DRAFTS_SWITCH, STRICT_SWITCH = "--drafts", "--strict"


def seconds_set() -> int | None:
    """MOUARCHIVE_KEEP_WARM's seconds, if it is set to a whole number (else the setting counts)."""
    value = os.environ.get(VARIABLE)
    try:
        return max(0, int(value)) if value is not None else None
    except ValueError:
        return None


def quick_request(arguments: list[str]) -> tuple[str, dict[str, str | bool], bool, bool] | None:
    """(site, settings over mouarchive.toml's, --drafts, --strict) of `mouarchive build ARGUMENTS`,
    where each argument is one of the options above (`--site DIR` or `--site=DIR`); None where
    one is not, for the command line's parser to read (launch.py)."""
    site, overrides, switches = DEFAULT_SITE, {}, set()
    i = 0
    while i < len(arguments):
        option, equals, value = arguments[i].partition("=")
        i += 1
        if option in SETTING_SWITCHES and not equals:
            setting, given = SETTING_SWITCHES[option]
            overrides[setting] = given
            continue
        if option in (DRAFTS_SWITCH, STRICT_SWITCH) and not equals:
            switches.add(option)
            continue
        if option != SITE_OPTION and option not in SETTING_OPTIONS:
            return None
        if not equals:
            if i == len(arguments) or arguments[i].startswith("-"):
                return None  # (the parser says what is missing)
            value, i = arguments[i], i + 1
        if not value:
            return None
        if option == SITE_OPTION:
            site = value
        else:
            overrides[SETTING_OPTIONS[option]] = value
    return site, overrides, DRAFTS_SWITCH in switches, STRICT_SWITCH in switches


def ask(site: str, overrides: dict[str, str | bool], drafts: bool) -> dict[str, Any] | None:
    """The warm engine's answer to `mouarchive build --site SITE` with the settings `overrides`
    gives over mouarchive.toml's (--output ...) and --drafts: {"summary": the lines to print,
    "warnings": each Problem's fields}; None when there is no engine, or it declines (the caller
    then builds as it would have)."""
    if seconds_set() == 0:
        return None
    output = overrides.get("output_dir")
    if output is None:
        try:
            output = _output_setting(os.path.join(site, CONFIG_NAME))
        except (OSError, ValueError):
            return None  # (the build reports what is wrong with the file)
    if not isinstance(output, str):
        return None
    path = os.path.join(cache_dir(os.path.join(site, output)), SOCKET_NAME)
    if not os.path.exists(path):
        return None
    request = {"protocol": PROTOCOL, "site": site, "overrides": overrides, "drafts": drafts,
               "cwd": os.getcwd(), "package": PACKAGE, "now": os.environ.get(NOW_VARIABLE, "")}
    try:
        connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        connection.settimeout(_CONNECT_WITHIN)
        connection.connect(path)
        if peer_user(connection) != os.getuid():
            return None
        connection.settimeout(_ANSWER_WITHIN)
        send(connection, request)
        answer = receive(connection)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no engine, or it died: the caller builds
    finally:
        connection.close()
    return answer if isinstance(answer, dict) and isinstance(answer.get("summary"), str) else None


def _output_setting(config_file: str) -> object:
    """mouarchive.toml's `output_dir`, or the default. A file that does not name it is not parsed:
    tomllib (with the regular expressions it compiles) was 8 ms of the command's imports. Whatever
    this finds, the engine checks that the settings are its own (warm._request_now)."""
    try:
        with open(config_file, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return DEFAULT_OUTPUT_DIR
    if b"output_dir" not in data:
        data.decode("utf-8")  # (ValueError where it is not UTF-8: the build reports it)
        return DEFAULT_OUTPUT_DIR
    import tomllib

    return tomllib.loads(data.decode("utf-8")).get("output_dir", DEFAULT_OUTPUT_DIR)


def peer_user(connection: _socket.socket) -> int:
    credentials = connection.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", credentials)[1]


def send(connection: _socket.socket, value: Any) -> None:
    data = marshal.dumps(value)
    connection.sendall(_LENGTH.pack(len(data)) + data)


def receive(connection: _socket.socket) -> Any:
    """The value sent (ValueError if it is not one marshal makes)."""
    length = _LENGTH.unpack(_exactly(connection, _LENGTH.size))[0]
    return marshal.loads(_exactly(connection, length))


def _exactly(connection: _socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = connection.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError("the other end closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
