"""gzip, stdin, folders, sysdiagnose archives (safe extraction) and .logarchive bundles."""

from __future__ import annotations

import datetime
import gzip
import io
import plistlib
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from sources import specimens as s
from sources.helpers import assert_accounted
from traceview.errors import InputError
from traceview.sources import ReadOptions, read_inputs, sniff
from traceview.sources.api import parse_text
from traceview.sources.collect import Collector
from traceview.sources.reader import InputState
from traceview.sources.streams import peek
from traceview.sources.sysdiagnose import Limits, read_tar

ALL = ReadOptions(relevant_only=False)
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
AUL = SHARED / "plaso" / "test_data" / "AUL" / "private" / "var" / "db" / "Diagnostics"
SYSDIAGNOSE = "sysdiagnose_2023.05.24_13-29-15-0700_iPhone-OS_iPhone_19H349"

FORMAT_SPECIMENS = {
    "default": s.DEFAULT_TRAILER,
    "compact": s.COMPACT_MULTILINE,
    "syslog": s.SYSLOG_RUNNINGBOARD,
    "ndjson": s.NDJSON_TRAILER,
    "json": "[" + s.JSON_IOS16.strip().rstrip(",") + "]\n",
    "console": s.CONSOLE_MULTILINE,
    "relay": s.RELAY_VIS,
    "xcode": s.XCODE_DIGGER,
    "unifiedlog_jsonl": s.UNIFIEDLOG_JSONL,
}


@pytest.mark.parametrize("fmt", sorted(FORMAT_SPECIMENS))
def test_gzip_of_each_format_reads_like_the_plain_file(tmp_path, fmt):
    text = FORMAT_SPECIMENS[fmt]
    plain = tmp_path / "export.txt"
    plain.write_text(text)
    packed = tmp_path / "export.bin"  # no telling extension: content decides
    packed.write_bytes(gzip.compress(text.encode()))
    unpacked, zipped = read_inputs([plain], ALL), read_inputs([packed], ALL)
    assert zipped.inputs[0].format == f"{fmt}.gz" and sniff(packed) == f"{fmt}.gz"
    assert unpacked.inputs[0].format == fmt
    assert zipped.counts == unpacked.counts
    assert zipped.events.drop("source").equals(unpacked.events.drop("source"))
    assert_accounted(zipped)


def test_truncated_gzip_is_a_one_line_input_error(tmp_path):
    packed = gzip.compress((s.NDJSON_TRAILER * 200).encode())
    path = tmp_path / "cut.ndjson.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(InputError, match=r"cut\.ndjson\.gz: the gzip data is truncated") as error:
        read_inputs([path])
    assert "\n" not in str(error.value)


def test_stdin_dash_plain_and_gzip():
    code = (
        "import sys; from traceview.sources import read_inputs, ReadOptions; "
        "r = read_inputs(['-'], ReadOptions(relevant_only=False)); "
        "print(r.inputs[0].format, r.counts.events, r.events['source'][0])"
    )
    for data, fmt in (
        (s.XCODE_TRUSTKIT.encode(), "xcode"),
        (gzip.compress(s.XCODE_TRUSTKIT.encode()), "xcode.gz"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", code], input=data, capture_output=True, check=True
        )
        assert done.stdout.decode().split() == [fmt, "2", "<stdin>"]


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _sysdiagnose(tmp_path: Path, members: dict[str, bytes], name: str = SYSDIAGNOSE) -> Path:
    path = tmp_path / f"{name}.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for member, data in members.items():
            _add(tar, f"{name}/{member}", data)
    return path


def test_sysdiagnose_reads_text_exports_and_metadata(tmp_path):
    version = plistlib.dumps(
        {"ProductName": "iPhone OS", "ProductVersion": "15.7.6", "BuildVersion": "19H349"}
    )
    archive = _sysdiagnose(
        tmp_path,
        {
            "logs/SystemVersion/SystemVersion.plist": version,
            "ioreg/IODeviceTree.txt": b'    |   "model" = <"iPhone14,2">\n',
            "logs/console.txt": s.CONSOLE_SESSION.encode(),
            "ps.txt": b"USER PID COMMAND\nmobile 94 nsurlsessiond\n",
        },
    )
    result = read_inputs([archive], ALL)
    info = result.inputs[0]
    assert (info.format, info.os_version, info.os_build, info.device_model) == (
        "sysdiagnose",
        "15.7.6",
        "19H349",
        "iPhone14,2",
    )
    assert info.members == (f"{SYSDIAGNOSE}/logs/console.txt",)
    assert result.counts.skipped_files == 1  # ps.txt is not a log export
    assert info.date_source == f"from sysdiagnose name {SYSDIAGNOSE}"
    assert result.events["timestamp"].dt.date().unique().to_list() == [datetime.date(2023, 5, 24)]
    assert result.events["source"][0].startswith(f"{archive}!{SYSDIAGNOSE}/logs/console.txt")
    assert_accounted(result)


def test_ios12_sysdiagnose_name_gives_the_build(tmp_path):
    name = "sysdiagnose_2019.02.13_15-50-14+0100_iPhone_OS_iPhone_16C101"
    archive = _sysdiagnose(tmp_path, {"x.log": s.RELAY_CFNETWORK.encode()}, name)
    result = read_inputs([archive], ALL)
    assert result.inputs[0].os_build == "16C101"
    assert result.events["timestamp"].dt.year().unique().to_list() == [2019]


def _tar_with(tmp_path: Path, build) -> Path:
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        build(tar)
    return path


def _symlink(target: str):
    def build(tar: tarfile.TarFile) -> None:
        info = tarfile.TarInfo("sysdiagnose_x/link")
        info.type, info.linkname = tarfile.SYMTYPE, target
        tar.addfile(info)

    return build


def _device(tar: tarfile.TarFile) -> None:
    info = tarfile.TarInfo("sysdiagnose_x/dev")
    info.type = tarfile.CHRTYPE
    tar.addfile(info)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda tar: _add(tar, "/etc/evil.log", b"x"), "unsafe member path"),
        (lambda tar: _add(tar, "sysdiagnose_x/../../evil.log", b"x"), "unsafe member path"),
        (_symlink("/etc/passwd"), "links outside the archive"),
        (_symlink("../../outside"), "links outside the archive"),
        (_device, "is a device or pipe"),
    ],
)
def test_unsafe_archives_are_refused(tmp_path, build, message):
    path = _tar_with(tmp_path, build)
    with pytest.raises(InputError, match=message):
        read_inputs([path])


def test_decompression_bomb_is_refused(tmp_path):
    path = _tar_with(tmp_path, lambda tar: _add(tar, "sysdiagnose_x/zeros.log", bytes(20_000_000)))
    with pytest.raises(InputError, match="decompression bomb"):
        _read_tar_with(path, Limits(allowance=0))


def test_member_count_and_total_size_caps(tmp_path):
    def many(tar: tarfile.TarFile) -> None:
        for index in range(5):
            _add(tar, f"sysdiagnose_x/{index}.log", b"x")

    with pytest.raises(InputError, match="more than 3 members"):
        _read_tar_with(_tar_with(tmp_path, many), Limits(members=3))
    with pytest.raises(InputError, match="expands beyond 2 bytes"):
        _read_tar_with(_tar_with(tmp_path, many), Limits(total_bytes=2))


def _read_tar_with(path: Path, limits: Limits) -> None:
    state = InputState(0)
    with open(path, "rb") as handle:
        read_tar(peek(handle, str(path)), str(path), state, Collector(ALL), limits)


def test_internal_links_are_not_followed_but_allowed(tmp_path):
    def build(tar: tarfile.TarFile) -> None:
        _add(tar, "sysdiagnose_x/a.log", s.XCODE_TRUSTKIT.encode())
        _symlink("a.log")(tar)

    result = read_inputs([_tar_with(tmp_path, build)], ALL)
    assert result.counts.events == 2


def _logarchive(tmp_path: Path, name: str = "device.logarchive") -> Path:
    archive = tmp_path / name
    archive.mkdir()
    for part in AUL.iterdir():
        (archive / part.name).symlink_to(part)
    return archive


needs_shared = pytest.mark.skipif(not AUL.is_dir(), reason="shared/data is absent")


@pytest.mark.shared_data
@needs_shared
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS reads tracev3 with `log show`")
def test_real_logarchive_gives_the_exact_mac_command(tmp_path):
    archive = _logarchive(tmp_path)
    assert sniff(archive) == "logarchive"
    with pytest.raises(InputError) as error:
        read_inputs([archive])
    message = str(error.value)
    assert "\n" not in message
    assert (
        f"log show --archive {archive} --style ndjson --info --debug > device.logarchive.ndjson"
        in message
    )
    assert "traceview analyze device.logarchive.ndjson" in message


@pytest.mark.shared_data
@needs_shared
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS reads tracev3 with `log show`")
def test_logarchive_with_an_export_beside_it_is_read(tmp_path):
    archive = _logarchive(tmp_path)
    (archive / "device.ndjson").write_text(s.NDJSON_TRAILER)
    result = read_inputs([archive], ALL)
    assert result.inputs[0].format == "logarchive" and result.counts.events == 2


@pytest.mark.shared_data
@needs_shared
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS reads tracev3 with `log show`")
def test_sysdiagnose_whose_only_log_is_the_logarchive(tmp_path):
    members = {
        f"system_logs.logarchive/Persist/{path.name}": path.read_bytes()
        for path in (AUL / "Persist").glob("*.tracev3")
    }
    archive = _sysdiagnose(tmp_path, members)
    with pytest.raises(
        InputError,
        match=r"holds system_logs.logarchive, a .logarchive; reading tracev3 needs macOS",
    ):
        read_inputs([archive])


def test_folder_of_mixed_files_reads_logs_and_counts_the_rest(tmp_path):
    (tmp_path / "a.log").write_text(s.XCODE_TRUSTKIT)
    (tmp_path / "b.ndjson.gz").write_bytes(gzip.compress(s.NDJSON_TRAILER.encode()))
    (tmp_path / "notes.txt").write_text("remember to buy milk\n")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(s.SYSLOG_SCREENSAVER)
    result = read_inputs([tmp_path], ALL)
    info = result.inputs[0]
    assert info.format == "directory" and sniff(tmp_path) == "directory"
    assert sorted(info.members) == ["a.log", "b.ndjson.gz", "sub/c.txt"]
    assert result.counts.skipped_files == 2
    assert result.counts.events == 6
    assert_accounted(result)


def test_overlapping_inputs_drop_exact_duplicates(tmp_path):
    first, second = tmp_path / "one.log", tmp_path / "two.log"
    lines = s.XCODE_TRUSTKIT.splitlines(keepends=True)
    first.write_text("".join(lines))
    second.write_text(lines[1])
    result = read_inputs([first, second], ALL)
    assert result.counts.duplicates == 1 and len(result.events) == 2
    assert set(result.events["source"]) == {str(first)}


def test_dateless_input_takes_its_date_from_another_input(tmp_path):
    console, xcode = tmp_path / "console.txt", tmp_path / "xcode.log"
    console.write_text(s.CONSOLE_SESSION)
    xcode.write_text(s.XCODE_TRUSTKIT)
    result = read_inputs([console, xcode], ALL)
    assert result.inputs[0].date_source == f"from {xcode}"
    assert result.inputs[1].date_source is None
    dates = result.events.filter(result.events["source"] == str(console))["timestamp"].dt.date()
    assert dates.unique().to_list() == [datetime.date(2018, 2, 5)]


def test_relevant_only_keeps_only_prefiltered_events():
    result = parse_text(
        s.CONSOLE_SPACE_OFFSET + s.CONSOLE_UNICODE_CONTINUATION, options=ReadOptions()
    )
    assert result.counts.irrelevant > 0
    assert len(result.events) == result.counts.events - result.counts.irrelevant
    assert set(result.events["process"]) <= {"nsurlsessiond", "BackgroundBackup", "hootowl"}


def test_extracted_sysdiagnose_folder(tmp_path):
    root = tmp_path / SYSDIAGNOSE
    (root / "logs" / "SystemVersion").mkdir(parents=True)
    version = {"ProductVersion": "15.7.6", "BuildVersion": "19H349"}
    (root / "logs" / "SystemVersion" / "SystemVersion.plist").write_bytes(plistlib.dumps(version))
    # Shape of remotectl_dumpstate.txt as in an mvt test fixture (public file 61530093739).
    (root / "remotectl_dumpstate.txt").write_text(
        "\tProperties: {\n\t\tProductType => iPhone12,1\n"
    )
    (root / "relay.log").write_text(s.RELAY_CFNETWORK)
    result = read_inputs([root], ALL)
    info = result.inputs[0]
    assert (info.format, info.os_version, info.device_model) == (
        "sysdiagnose",
        "15.7.6",
        "iPhone12,1",
    )
    assert info.members == ("relay.log",)
    assert result.events["timestamp"].dt.year().unique().to_list() == [2023]
    assert result.counts.skipped_files == 2  # the plist and the dumpstate are not log exports


def test_relay_fractional_seconds():
    line = s.RELAY_NSURLSESSIOND.replace("10:04:37 ", "10:04:37.250000 ")
    row = parse_text(line, options=ReadOptions(year=2019, relevant_only=False)).events.row(0)
    assert row[0] == datetime.datetime(2019, 3, 26, 10, 4, 37, 250000)


def test_folder_holding_a_sysdiagnose_archive_reads_it(tmp_path):
    archive = _sysdiagnose(tmp_path, {"logs/xcode.log": s.XCODE_TRUSTKIT.encode()})
    (tmp_path / "notes.txt").write_text("taken after the upload stalled\n")
    result = read_inputs([tmp_path], ALL)
    assert result.inputs[0].format == "directory"
    assert result.counts.events == 2 and result.counts.skipped_files == 1
    assert result.events["source"][0] == f"{archive}!{SYSDIAGNOSE}/logs/xcode.log"


def test_a_folder_named_logarchive_without_tracev3_is_just_a_folder(tmp_path):
    folder = tmp_path / "notes.logarchive"
    folder.mkdir()
    (folder / "export.log").write_text(s.XCODE_TRUSTKIT)
    assert sniff(folder) == "directory"
    assert read_inputs([folder], ALL).counts.events == 2


def test_folder_symlinks_leading_outside_are_not_followed(tmp_path):
    outside = tmp_path / "outside.log"
    outside.write_text(s.XCODE_TRUSTKIT)
    folder = tmp_path / "extracted"
    folder.mkdir()
    (folder / "inside.log").write_text(s.XCODE_DELTACHAT)
    (folder / "link.log").symlink_to(outside)
    (folder / "alias.log").symlink_to(folder / "inside.log")
    result = read_inputs([folder], ALL)
    assert sorted(result.inputs[0].members) == ["alias.log", "inside.log"]
    assert result.counts.skipped_files == 1


def test_console_copy_beside_a_sysdiagnose_takes_its_date(tmp_path):
    archive = _sysdiagnose(tmp_path, {"ps.txt": b"USER PID COMMAND\n"})
    console = tmp_path / "console.txt"
    console.write_text(s.CONSOLE_SESSION)
    result = read_inputs([archive, console], ALL)
    assert result.inputs[1].date_source == f"from sysdiagnose name {SYSDIAGNOSE}"
    assert result.events["timestamp"].dt.date().unique().to_list() == [datetime.date(2023, 5, 24)]


@pytest.fixture
def fake_mac(monkeypatch, tmp_path):
    """Pretend to be a Mac whose `log show --archive X` prints a real NDJSON export."""
    from traceview.sources import logarchive

    export = tmp_path / "log-show-output.ndjson"
    export.write_text(s.NDJSON_TRAILER)
    seen: list[tuple[Path, list[str]]] = []

    def command(archive: Path) -> list[str]:
        seen.append((archive, sorted(path.name for path in archive.rglob("*.tracev3"))))
        return ["cat", str(export)]

    monkeypatch.setattr(logarchive, "can_run_log", lambda: True)
    monkeypatch.setattr(logarchive, "log_show_command", command)
    return seen


def _tracev3_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "device.logarchive"
    (archive / "Persist").mkdir(parents=True)
    (archive / "Persist" / "0000000000000001.tracev3").write_bytes(b"\x00\x10\x00\x00" * 8)
    return archive


def test_on_a_mac_a_logarchive_streams_through_log_show(fake_mac, tmp_path):
    archive = _tracev3_archive(tmp_path)
    result = read_inputs([archive], ALL)
    assert fake_mac == [(archive, ["0000000000000001.tracev3"])]
    assert result.inputs[0].format == "logarchive" and result.counts.events == 2
    assert_accounted(result)


def test_on_a_mac_a_failing_log_show_is_one_line(monkeypatch, tmp_path):
    from traceview.sources import logarchive

    monkeypatch.setattr(logarchive, "can_run_log", lambda: True)
    failing = ["sh", "-c", "echo 'log: Could not open archive' >&2; exit 64"]
    monkeypatch.setattr(logarchive, "log_show_command", lambda archive: failing)
    with pytest.raises(
        InputError, match="`log show --archive` failed: log: Could not open archive"
    ):
        read_inputs([_tracev3_archive(tmp_path)])


def test_on_a_mac_a_sysdiagnose_logarchive_is_copied_out_and_read(fake_mac, tmp_path):
    members = {"system_logs.logarchive/Persist/0000000000000001.tracev3": b"\x00" * 64}
    result = read_inputs([_sysdiagnose(tmp_path, members)], ALL)
    copied, tracev3 = fake_mac[0]
    assert copied.name == "system_logs.logarchive" and tracev3 == ["0000000000000001.tracev3"]
    assert result.counts.events == 2
    assert result.inputs[0].members == ("system_logs.logarchive",)


def test_an_irrelevant_dated_input_still_dates_a_console_copy(tmp_path):
    console, kernel = tmp_path / "console.txt", tmp_path / "kernel.log"
    console.write_text(s.CONSOLE_SESSION)
    kernel.write_text(s.DEFAULT_TRAILER)  # nothing relevant in it
    result = read_inputs([console, kernel])
    assert result.inputs[0].date_source == f"from {kernel}"
    assert set(result.events["source"]) == {str(console)}
    assert result.events["timestamp"].dt.date().unique().to_list() == [datetime.date(2018, 12, 20)]
