"""An iOS sysdiagnose (log_formats.md §11): a .tar.gz (untrusted) or its extracted folder.

Members are read straight from the tar stream (never `extractall`): absolute names, `..`, links
leaving the archive and device files are refused, and member count, total size and compression
ratio are capped against decompression bombs. Text exports inside are read; the unified log
itself (`system_logs.logarchive`) needs macOS's `log` tool (traceview.sources.logarchive).
"""

from __future__ import annotations

import datetime
import os
import plistlib
import posixpath
import re
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from traceview.errors import InputError
from traceview.sources import logarchive
from traceview.sources.collect import Collector
from traceview.sources.reader import InputState, is_readable_head, read_opened
from traceview.sources.streams import Opened, _Prefixed, peek

NAME = re.compile(
    r"sysdiagnose_(?P<date>\d{4}\.\d{2}\.\d{2})_\d{2}-\d{2}-\d{2}[+-]\d{4}_"
    r"[A-Za-z]+[-_]OS_(?P<device>[A-Za-z]+)_(?P<build>[0-9A-Za-z]+)"
)
PRODUCT_TYPE = re.compile(r"ProductType\W+([A-Za-z]+\d+,\d+)")
IOREG_MODEL = re.compile(r'"model" = <"([^"]+)">')
LOGARCHIVE_DIR = "system_logs.logarchive"
METADATA_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    members: int = 200_000
    total_bytes: int = 32 * 1024**3
    ratio: int = 200  # uncompressed / compressed, beyond a small allowance
    allowance: int = 64 * 1024 * 1024


LIMITS = Limits()


def note_name_metadata(name: str, state: InputState, collector: Collector) -> None:
    match = NAME.search(name)
    if not match:
        return
    state.os_build = state.os_build or match["build"]
    date = datetime.datetime.strptime(match["date"], "%Y.%m.%d").date()
    collector.sysdiagnose_dates[state.index] = (date, match.group(0))


def note_metadata_file(relative: str, data: bytes, state: InputState) -> None:
    """SystemVersion.plist (version, build) and the device model files."""
    if relative.endswith("SystemVersion/SystemVersion.plist"):
        try:
            plist = plistlib.loads(data)
        except (plistlib.InvalidFileException, ValueError, OSError):
            return
        if isinstance(plist, dict):
            state.os_version = str(plist.get("ProductVersion") or "") or state.os_version
            state.os_build = str(plist.get("BuildVersion") or "") or state.os_build
        return
    pattern = PRODUCT_TYPE if relative.endswith("remotectl_dumpstate.txt") else IOREG_MODEL
    if relative.endswith(("remotectl_dumpstate.txt", "IODeviceTree.txt")):
        match = pattern.search(data.decode("utf-8", "replace"))
        if match and not state.device_model:
            state.device_model = match[1]


def is_metadata(relative: str) -> bool:
    return relative.endswith(
        ("SystemVersion/SystemVersion.plist", "remotectl_dumpstate.txt", "ioreg/IODeviceTree.txt")
    )


def note_folder_metadata(root: Path, state: InputState, collector: Collector) -> None:
    note_name_metadata(root.name, state, collector)
    for pattern in ("**/SystemVersion.plist", "**/remotectl_dumpstate.txt", "**/IODeviceTree.txt"):
        for path in sorted(root.glob(pattern))[:1]:
            note_metadata_file(
                str(path.relative_to(root)), path.read_bytes()[:METADATA_BYTES], state
            )


def check_member(member: tarfile.TarInfo, archive: str) -> None:
    """Refuse members that could write or read outside the archive."""
    name = member.name
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        raise InputError(f"{archive}: unsafe member path {name!r}; refusing to read this archive")
    if member.issym() or member.islnk():
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), member.linkname))
        if member.linkname.startswith("/") or target == ".." or target.startswith("../"):
            raise InputError(
                f"{archive}: member {name!r} links outside the archive ({member.linkname}); "
                "refusing to read it"
            )
    if member.ischr() or member.isblk() or member.isfifo() or member.isdev():
        raise InputError(f"{archive}: member {name!r} is a device or pipe; refusing to read it")


class Budget:
    """Caps against decompression bombs, checked before each member is read."""

    def __init__(self, archive: str, compressed: int | None, limits: Limits) -> None:
        self.archive, self.compressed, self.limits = archive, compressed, limits
        self.members = 0
        self.total = 0

    def charge(self, member: tarfile.TarInfo) -> None:
        self.members += 1
        self.total += max(member.size, 0)
        limits = self.limits
        if self.members > limits.members:
            raise InputError(
                f"{self.archive}: more than {limits.members} members; refusing (archive bomb?)"
            )
        if self.total > limits.total_bytes:
            raise InputError(
                f"{self.archive}: expands beyond {limits.total_bytes} bytes; "
                "refusing (archive bomb?)"
            )
        if self.compressed and self.total > self.compressed * limits.ratio + limits.allowance:
            raise InputError(
                f"{self.archive}: expands more than {limits.ratio}x its compressed size; "
                "refusing (decompression bomb?)"
            )


def read_tar(
    opened: Opened, name: str, state: InputState, collector: Collector, limits: Limits = LIMITS
) -> None:
    state.format = state.format or "sysdiagnose"  # a folder holding an archive stays a folder
    note_name_metadata(name, state, collector)
    compressed = os.path.getsize(name) if os.path.isfile(name) else None
    budget = Budget(name, compressed, limits)
    archive_dir: Path | None = None
    with tempfile.TemporaryDirectory(prefix="traceview-") as scratch:
        try:
            with tarfile.open(fileobj=_Prefixed(opened.head, opened.stream), mode="r|") as tar:  # type: ignore[call-overload]
                for member in tar:
                    check_member(member, name)
                    budget.charge(member)
                    found = _read_member(tar, member, name, state, collector, Path(scratch))
                    archive_dir = archive_dir or found
        except tarfile.TarError as error:
            raise InputError(
                f"{name}: not a readable tar archive ({error}); re-create it"
            ) from None
        _finish_logarchive(archive_dir, name, state, collector)


def _read_member(
    tar: tarfile.TarFile,
    member: tarfile.TarInfo,
    archive: str,
    state: InputState,
    collector: Collector,
    scratch: Path,
) -> Path | None:
    """Read one member; returns the logarchive folder (in scratch) when the member is part of it."""
    if not member.isfile():
        return None
    relative = member.name
    handle = tar.extractfile(member)
    if handle is None:
        return None
    if f"{LOGARCHIVE_DIR}/" in relative:
        return _keep_logarchive_part(handle, relative, scratch)
    if is_metadata(relative):
        note_metadata_file(relative, handle.read(METADATA_BYTES), state)
        return None
    source = f"{archive}!{relative}"
    opened = peek(handle, source)  # type: ignore[arg-type]
    if not is_readable_head(opened.head, source):
        state.tally.skipped_files += 1
        return None
    read_opened(opened, source, state, collector)
    state.members.append(relative)
    return None


def _keep_logarchive_part(handle: IO[bytes], relative: str, scratch: Path) -> Path:
    """On macOS the archive's unified log is copied out (safe names only) for `log show`."""
    head, _, _ = relative.partition(f"{LOGARCHIVE_DIR}/")
    folder = scratch / "logs" / LOGARCHIVE_DIR
    if logarchive.can_run_log():
        target = (scratch / "logs" / relative[len(head) :]).resolve()
        if scratch.resolve() in target.parents:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                while block := handle.read(1024 * 1024):
                    out.write(block)
    return folder


def _finish_logarchive(
    folder: Path | None, name: str, state: InputState, collector: Collector
) -> None:
    if folder is None:
        return
    if logarchive.can_run_log():
        logarchive.stream_with_log(folder, f"{name}!{LOGARCHIVE_DIR}", state, collector)
        state.members.append(LOGARCHIVE_DIR)
    elif not state.members:
        raise logarchive.needs_mac(Path(LOGARCHIVE_DIR), shown_as=name)
    else:
        state.tally.skipped_files += 1
