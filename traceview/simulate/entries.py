"""Log entries as the simulator produces them, before any export style is applied."""

from __future__ import annotations

import random
from dataclasses import dataclass

from traceview.simulate.templates import fill

# How each system process signs its lines: (sender image, subsystem, category).
# nsurlsessiond's subsystem is not shown by any capture (real_lines.md §11.1), so none is given.
SYSTEM_PIDS_IOS12 = {"nsurlsessiond": 94, "SpringBoard": 56, "assertiond": 66, "dasd": 90}
SYSTEM_PIDS = {
    "nsurlsessiond": 108,
    "SpringBoard": 59,
    "runningboardd": 34,
    "dasd": 76,
    "powerd": 60,
}


@dataclass(frozen=True)
class Source:
    process: str
    sender: str = ""  # empty: same as the process image
    subsystem: str = ""
    category: str = ""


DAEMON = Source("nsurlsessiond")
RUNNINGBOARD = Source("runningboardd", "RunningBoard", "com.apple.runningboard", "process")
RUNNINGBOARD_TTL = Source("runningboardd", "RunningBoard", "com.apple.runningboard", "ttl")
FRONTBOARD = Source("SpringBoard", "FrontBoard", "com.apple.FrontBoard", "Process")
SPRINGBOARD = Source("SpringBoard")
NOTIFICATIONS = Source("SpringBoard", "UserNotificationsServer")
ASSERTIOND = Source("assertiond")
DASD = Source("dasd")
POWERD = Source("powerd")


@dataclass(frozen=True)
class Entry:
    t: float  # seconds from the start of the log
    process: str
    pid: int
    level: str  # Default | Info | Error
    sender: str
    subsystem: str
    category: str
    message: str


class Collector:
    """Collects entries in time order; lines of one step get strictly increasing times."""

    def __init__(self, seed: int) -> None:
        self.entries: list[Entry] = []
        self.rng = random.Random(seed)
        self._clock = 0.0

    def at(self, t: float) -> None:
        self._clock = max(self._clock, t)

    def emit(
        self, source: Source, pid: int, key: str, level: str = "Default", /, **values: object
    ) -> None:
        self._clock += self.rng.uniform(0.00004, 0.0009)
        self.entries.append(
            Entry(
                self._clock,
                source.process,
                pid,
                level,
                source.sender,
                source.subsystem,
                source.category,
                fill(key, **values),
            )
        )

    def hexid(self, digits: int = 9) -> str:
        """A pointer-like hex number of exactly `digits` digits (no leading zero)."""
        return f"{self.rng.randrange(16 ** (digits - 1), 16**digits):x}"

    def request_id(self) -> str:
        """The FBSSystemService request id nsurlsessiond and SpringBoard share (§1.10 C)."""
        return f"{self.rng.randrange(0x1000, 0x10000):x}"

    def uuid(self) -> str:
        h = f"{self.rng.getrandbits(128):032X}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
