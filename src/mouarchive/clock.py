"""The moment a build is made at: the clock's, or the one MOUARCHIVE_NOW gives, for tests and previews.
Apart from publishing.py (which decides what is published at that moment) so that `mouarchive build`
answered by the warm engine need not import the model (18 ms of imports)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo

from .warm_client import NOW_VARIABLE  # (named there, so that asking imports no datetime)


def current_time(zone: tzinfo, given: str | None = None) -> datetime:
    """Now; or the moment MOUARCHIVE_NOW gives (without a zone, in `zone`), for tests and previews.
    `given`: that variable's value as another process has it (warm_client.py)."""
    text = (os.environ.get(NOW_VARIABLE, "") if given is None else given).strip()
    if not text:
        return datetime.now(UTC)
    from .errors import BuildError, ExitCode, Problem  # (the command's imports: warm_client.py)
    from .model import MOMENT_FORMAT, DateError, parse_moment

    try:
        return in_zone(parse_moment(text), zone)
    except DateError as exc:
        raise BuildError([Problem(NOW_VARIABLE, 0, "", str(exc), f"set it to {MOMENT_FORMAT}, "
                                  "or unset it to use the clock")], ExitCode.USAGE) from None


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """The moment itself if it has a zone, else read in `zone`."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
