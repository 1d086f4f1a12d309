"""Folders: a `.logarchive`, an extracted sysdiagnose, or any folder of mixed files.

Every file that sniffs as a log export is read; every other file is counted as skipped (and so
reported), never silently dropped. Symlinked folders are not followed.
"""

from __future__ import annotations

import os
from pathlib import Path

from traceview.sources import logarchive, sysdiagnose
from traceview.sources.collect import Collector
from traceview.sources.reader import InputState, is_readable_head, read_opened
from traceview.sources.sniff import is_tar, looks_like_logarchive, looks_like_sysdiagnose
from traceview.sources.streams import open_input


def folder_kind(path: Path) -> str:
    if looks_like_logarchive(path):
        return "logarchive"
    if looks_like_sysdiagnose(path):
        return "sysdiagnose"
    return "directory"


def read_folder(path: Path, state: InputState, collector: Collector) -> None:
    state.format = folder_kind(path)
    if state.format == "sysdiagnose":
        sysdiagnose.note_folder_metadata(path, state, collector)
    archives = read_files(path, state, collector)
    if not archives:
        return
    if logarchive.can_run_log():
        for archive in archives:
            logarchive.stream_with_log(archive, str(archive), state, collector)
            state.members.append(str(archive.relative_to(path)) if archive != path else ".")
    elif not state.members:
        shown_as = None if archives[0] == path else str(path)
        raise logarchive.needs_mac(archives[0], shown_as)
    else:
        state.tally.skipped_files += len(archives)


def read_files(root: Path, state: InputState, collector: Collector) -> list[Path]:
    """Read every log export under root; returns the .logarchive folders found (not read)."""
    if looks_like_logarchive(root):  # only exports beside the binary parts are readable here
        for file in sorted(item for item in root.iterdir() if item.is_file()):
            _read_file(file, root, state, collector)
        return [root]
    archives: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        for name in sorted(subfolders):
            if looks_like_logarchive(here / name):
                archives.append(here / name)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not (here / name).is_symlink() and not looks_like_logarchive(here / name)
        )
        for name in sorted(files):
            _read_file(here / name, root, state, collector)
    return archives


def _read_file(path: Path, root: Path, state: InputState, collector: Collector) -> None:
    if path.is_symlink():  # an extracted archive is untrusted: no links out of it
        target = path.resolve()
        if not target.is_file() or root.resolve() not in target.parents:
            state.tally.skipped_files += 1
            return
    with open_input(path) as opened:
        if is_tar(opened.head):  # e.g. a folder of sysdiagnose archives
            sysdiagnose.read_tar(opened, str(path), state, collector)
            return
        if not is_readable_head(opened.head, str(path)):
            state.tally.skipped_files += 1
            return
        read_opened(opened, str(path), state, collector)
    state.members.append(str(path.relative_to(root)))
