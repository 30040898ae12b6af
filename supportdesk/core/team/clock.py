"""Hybrid logical clock (Kulkarni et al. 2014) packed into one sortable integer.

A stamp is `milliseconds << 16 | counter`. A desk's next stamp is greater than every stamp it has
seen (its own and its peers'), and follows the wall clock when that is ahead. So an event made
after seeing another always sorts after it, even when the two PCs' clocks disagree, and events
of one desk sort in the order they were made. Ties between desks are broken by the desk id."""

from __future__ import annotations

import time
from datetime import datetime

from sqlite_utils import Database

COUNTER_BITS = 16


def pack(milliseconds: int, counter: int = 0) -> int:
    return (int(milliseconds) << COUNTER_BITS) | counter


def milliseconds(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def from_moment(moment: datetime) -> int:
    return pack(int(moment.timestamp() * 1000))


def following(last: int | None, wall_ms: int | None = None) -> int:
    """The stamp after `last` (the highest seen), at wall-clock time `wall_ms`."""
    wall = pack(int(time.time() * 1000) if wall_ms is None else wall_ms)
    return max(wall, (last or 0) + 1)


def latest(db: Database) -> int:
    """The highest stamp this desk has seen: every item of the feed, local or received."""
    return db.execute("SELECT coalesce(max(hlc), 0) FROM team_feed").fetchone()[0]


def tick(db: Database) -> int:
    return following(latest(db))
