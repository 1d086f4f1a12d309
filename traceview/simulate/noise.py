"""Noise from unrelated processes, made in bulk.

Each noise template is filled a few dozen times up front; a big file then only picks rows
from that small table (numpy indices) and draws timestamps, so millions of lines cost a
gather, not a Python loop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import polars as pl

from traceview.simulate.templates import fill

OTHER_BUNDLES = (
    "com.apple.mobilemail",
    "com.spotify.client",
    "com.apple.mobilesafari",
    "net.whatsapp.WhatsApp",
    "com.apple.Maps",
    "com.burbn.instagram",
)
VARIANTS = 48


@dataclass(frozen=True)
class NoiseSource:
    process: str
    pid: int
    sender: str
    subsystem: str
    category: str
    level: str
    key: str
    weight: int


SOURCES: tuple[NoiseSource, ...] = (
    NoiseSource("wifid", 48, "", "com.apple.WiFiManager", "", "Default", "n.wifi_stats", 6),
    NoiseSource("wifid", 48, "WiFiPolicy", "com.apple.WiFiPolicy", "", "Default", "n.eap", 3),
    NoiseSource("kernel", 0, "KauthORama", "", "", "Default", "n.kauth", 8),
    NoiseSource(
        "opendirectoryd",
        119,
        "",
        "com.apple.opendirectoryd",
        "session",
        "Info",
        "n.opendirectory",
        3,
    ),
    NoiseSource(
        "remotepairingd",
        599,
        "RemotePairing",
        "com.apple.dt.remotepairing",
        "networktunnelmanager",
        "Info",
        "n.tunnel",
        2,
    ),
    NoiseSource("trustd", 288, "", "com.apple.securityd", "policy", "Default", "n.trust", 6),
    NoiseSource(
        "DTServiceHub",
        2457,
        "",
        "com.apple.dt.instruments",
        "heartbeat",
        "Default",
        "n.heartbeat",
        2,
    ),
    NoiseSource("symptomsd", 122, "", "", "", "Default", "n.symptoms", 3),
    NoiseSource("mediaserverd", 521, "CoreMedia", "", "", "Default", "n.cmsession", 2),
    NoiseSource("sharingd", 669, "", "com.apple.sharing", "AirDrop", "Default", "n.airdrop", 1),
    NoiseSource(
        "RemotePlayerService",
        99240,
        "AudioCodecs",
        "com.apple.coreaudio",
        "ac",
        "Default",
        "n.aac",
        2,
    ),
    NoiseSource("locationd", 77, "", "", "", "Default", "n.state_update", 3),
)


def _values(key: str, rng: random.Random) -> dict[str, object]:
    bundle = rng.choice(OTHER_BUNDLES)
    pid = rng.randint(300, 9999)
    uuid = f"{rng.getrandbits(128):032X}"
    persona = f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}"
    return {
        "ssid": rng.choice(("omada", "HomeNet", "Office-5G")),
        "rssi": -rng.randint(45, 80),
        "ch": rng.choice((1, 6, 11, 36, 149)),
        "snr": rng.randint(10, 40),
        "cca": rng.randint(0, 30),
        "tx": rng.randint(0, 90),
        "bcn": rng.randint(30, 60),
        "rx": rng.randint(10, 400),
        "secs": f"{rng.uniform(5, 300):.1f}",
        "fg": bundle,
        "n": rng.randint(0, 5),
        "action": rng.choice(("READ_ATTRIBUTES", "LIST_DIRECTORY", "READ_SECURITY")),
        "user": "mobile",
        "dir": rng.choice(("KauthTest", "Photos", "Notes")),
        "pid": pid,
        "pname": rng.choice(("mds", "cfprefsd", "mediaanalysisd")),
        "k": rng.randint(0, 9),
        "bundle": bundle,
        "front": rng.randint(0, 1),
        "p": f"{rng.getrandbits(36):x}",
        "persona": persona,
        "state": rng.choice(("running-suspended-NotVisible", "running-active-NotVisible")),
    }


def variant_table(seed: int) -> pl.DataFrame:
    """VARIANTS filled messages per noise source, with each row's draw weight."""
    rng = random.Random(seed)
    rows = []
    for source in SOURCES:
        for _ in range(VARIANTS):
            tid = rng.randint(0x100, 0x3FFFFF)
            rows.append(
                {
                    "process": source.process,
                    "pid": source.pid,
                    "tid": tid,
                    "tid_hex": f"{tid:x}",
                    "level": source.level,
                    "sender": source.sender,
                    "subsystem": source.subsystem,
                    "category": source.category,
                    "message": fill(source.key, **_values(source.key, rng)),
                    "weight": source.weight,
                }
            )
    return pl.DataFrame(rows)


@dataclass(frozen=True)
class NoisePlan:
    """Which variant each noise line uses and when it happens; rows are built per slice."""

    table: pl.DataFrame
    picks: np.ndarray
    times: np.ndarray  # sorted UTC microseconds

    @property
    def count(self) -> int:
        return len(self.picks)

    def rows(self, lo: int, hi: int) -> pl.DataFrame:
        """Noise lines lo..hi-1 as a frame (with `t_us`)."""
        frame = self.table[self.picks[lo:hi]]
        return frame.with_columns(pl.Series("t_us", self.times[lo:hi]))


def noise_plan(count: int, start_us: int, end_us: int, seed: int) -> NoisePlan:
    """`count` noise lines with times spread over [start_us, end_us]."""
    table = variant_table(seed)
    gen = np.random.default_rng(seed)
    weights = table["weight"].to_numpy().astype(np.float64)
    picks = gen.choice(len(table), size=count, p=weights / weights.sum())
    times = np.sort(gen.integers(start_us, max(end_us, start_us + 1), size=count, dtype=np.int64))
    return NoisePlan(table.drop("weight"), picks, times)
