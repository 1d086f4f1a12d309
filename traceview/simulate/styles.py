"""How each export style prints an entry (log_formats.md §2-§6, §9), vectorised with polars.

Input frames have the columns of `FRAME_SCHEMA`; `t_us` is UTC microseconds, and local
time is `t_us + tz offset` because every style prints the device's local time.
"""

from __future__ import annotations

import hashlib

import orjson
import polars as pl

STYLES: tuple[str, ...] = ("default", "compact", "syslog", "json", "ndjson", "console", "relay")

FRAME_SCHEMA = {
    "t_us": pl.Int64,
    "process": pl.String,
    "pid": pl.Int64,
    "tid": pl.Int64,
    "tid_hex": pl.String,
    "level": pl.String,
    "sender": pl.String,
    "subsystem": pl.String,
    "category": pl.String,
    "message": pl.String,
}

DEFAULT_HEADER = (
    "Timestamp                       Thread     Type        Activity             PID    TTL  "
)
COMPACT_HEADER = "Timestamp               Ty Process[PID:TID]"
SYSLOG_HEADER = "Timestamp                       (process)[PID]    "
COMPACT_TYPES = {"Default": "Df", "Info": "I ", "Debug": "Db", "Error": "E ", "Fault": "Fa"}
RELAY_LEVELS = {
    "Default": "Notice",
    "Info": "Info",
    "Debug": "Debug",
    "Error": "Error",
    "Fault": "Error",
}
SENDER_PATHS = {
    "CFNetwork": "/System/Library/Frameworks/CFNetwork.framework/CFNetwork",
    "RunningBoard": "/System/Library/PrivateFrameworks/RunningBoard.framework/RunningBoard",
    "FrontBoard": "/System/Library/PrivateFrameworks/FrontBoard.framework/FrontBoard",
    "UIKitCore": "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore",
    "UserNotificationsServer": "/System/Library/PrivateFrameworks/"
    "UserNotificationsServer.framework/UserNotificationsServer",
}


def offset_text(tz_minutes: int) -> str:
    sign = "+" if tz_minutes >= 0 else "-"
    return f"{sign}{abs(tz_minutes) // 60:02d}{abs(tz_minutes) % 60:02d}"


def _local(fmt: str, tz_minutes: int) -> pl.Expr:
    local = pl.col("t_us") + tz_minutes * 60_000_000
    return pl.from_epoch(local, time_unit="us").dt.strftime(fmt)


def _prefixes() -> pl.Expr:
    """`(sender) [subsystem:category] ` as the default and syslog styles print them."""
    sender = (
        pl.when(pl.col("sender") != "").then("(" + pl.col("sender") + ") ").otherwise(pl.lit(""))
    )
    sub = pl.when((pl.col("subsystem") != "") & (pl.col("category") != ""))
    subsystem = sub.then("[" + pl.col("subsystem") + ":" + pl.col("category") + "] ").otherwise(
        pl.lit("")
    )
    return sender + subsystem


def lines_default(frame: pl.DataFrame, tz: int) -> pl.Series:
    stamp = _local("%Y-%m-%d %H:%M:%S%.6f", tz) + offset_text(tz)
    thread = ("0x" + pl.col("tid_hex")).str.pad_end(10)
    line = pl.concat_str(
        stamp,
        pl.lit(" "),
        thread,
        pl.lit(" "),
        pl.col("level").str.pad_end(11),
        pl.lit(" "),
        pl.lit("0x0".ljust(20)),
        pl.lit(" "),
        pl.col("pid").cast(pl.String).str.pad_end(6),
        pl.lit(" 0    "),
        pl.col("process"),
        pl.lit(": "),
        _prefixes(),
        pl.col("message"),
    )
    return frame.select(line.alias("line"))["line"]


def lines_compact(frame: pl.DataFrame, tz: int) -> pl.Series:
    ty = pl.col("level").replace_strict(COMPACT_TYPES, default="Df")
    has_sub = (pl.col("subsystem") != "") & (pl.col("category") != "")
    prefix = (
        pl.when(has_sub)
        .then("[" + pl.col("subsystem") + ":" + pl.col("category") + "] ")
        .when(pl.col("sender") != "")
        .then("(" + pl.col("sender") + ") ")
        .otherwise(pl.lit(""))
    )
    line = pl.concat_str(
        _local("%Y-%m-%d %H:%M:%S%.3f", tz),
        pl.lit(" "),
        ty,
        pl.lit(" "),
        pl.col("process"),
        pl.lit("["),
        pl.col("pid").cast(pl.String),
        pl.lit(":"),
        pl.col("tid_hex"),
        pl.lit("] "),
        prefix,
        pl.col("message"),
    )
    return frame.select(line.alias("line"))["line"]


def lines_syslog(frame: pl.DataFrame, tz: int) -> pl.Series:
    stamp = _local("%Y-%m-%d %H:%M:%S%.6f", tz) + offset_text(tz)
    line = pl.concat_str(
        stamp,
        pl.lit("  localhost "),
        pl.col("process"),
        pl.lit("["),
        pl.col("pid").cast(pl.String),
        pl.lit("]: "),
        _prefixes(),
        pl.col("message"),
    )
    return frame.select(line.alias("line"))["line"]


def lines_console(frame: pl.DataFrame, tz: int, era: str) -> pl.Series:
    # iOS 12-era Console put a space before the offset (log_formats.md §9.1).
    gap = " " if era == "12" else ""
    stamp = _local("%H:%M:%S%.6f", tz) + (gap + offset_text(tz))
    line = pl.concat_str(
        pl.col("level").str.to_lowercase(),
        pl.lit("\t"),
        stamp,
        pl.lit("\t"),
        pl.col("process"),
        pl.lit("\t"),
        pl.col("message"),
    )
    return frame.select(line.alias("line"))["line"]


def vis(text: str) -> str:
    """vis(3)-escape non-ASCII bytes as the device syslog relay does (log_formats.md §9.2)."""
    out = []
    for byte in text.encode():
        if byte < 0x80:
            out.append(chr(byte))
            continue
        low = byte & 0x7F
        if low < 0x20:
            out.append(f"\\M^{chr(low + 64)}")
        elif low == 0x7F:
            out.append("\\M^?")
        else:
            out.append(f"\\M-{chr(low)}")
    return "".join(out)


def lines_relay(frame: pl.DataFrame, tz: int, host: str = "iPhone") -> pl.Series:
    sender = (
        pl.when(pl.col("sender") != "").then("(" + pl.col("sender") + ")").otherwise(pl.lit(""))
    )
    message = (
        pl.when(pl.col("message").str.contains(r"[^\x00-\x7F]"))
        .then(pl.col("message").map_elements(vis, return_dtype=pl.String))
        .otherwise(pl.col("message"))
    )
    line = pl.concat_str(
        _local("%b %e %H:%M:%S", tz),
        pl.lit(f" {host} "),
        pl.col("process"),
        sender,
        pl.lit("["),
        pl.col("pid").cast(pl.String),
        pl.lit("] <"),
        pl.col("level").replace_strict(RELAY_LEVELS, default="Notice"),
        pl.lit(">: "),
        message,
    )
    return frame.select(line.alias("line"))["line"]


def _image_path(process: str) -> str:
    if process == "kernel":
        return "/System/Library/Kernels/kernel"
    if process == "SpringBoard":
        return "/System/Library/CoreServices/SpringBoard.app/SpringBoard"
    if process[:1].islower() or process in ("DTServiceHub", "RemotePlayerService"):
        return f"/usr/libexec/{process}"
    return f"/private/var/containers/Bundle/Application/{process}.app/{process}"


def _uuid_for(path: str) -> str:
    """A stable upper-case UUID per image path (real ones are per build)."""
    h = hashlib.md5(path.encode()).hexdigest().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _images(frame: pl.DataFrame) -> pl.DataFrame:
    """Image paths and UUIDs, computed once per distinct (process, sender) and joined."""
    rows = []
    for process, sender in frame.select("process", "sender").unique().iter_rows():
        path = _image_path(process)
        sender_path = SENDER_PATHS.get(sender, f"/usr/lib/{sender}.dylib") if sender else path
        rows.append((process, sender, path, sender_path, _uuid_for(path), _uuid_for(sender_path)))
    schema = ["process", "sender", "path", "sender_path", "uuid", "sender_uuid"]
    table = pl.DataFrame(rows, schema=schema, orient="row")
    return frame.join(table, on=["process", "sender"], how="left", maintain_order="left")


def _json_struct(tz: int) -> pl.Expr:
    """One event as a struct, keys in the order recent `log` prints them (log_formats.md §5)."""
    frames = pl.struct(pl.lit(28940).alias("imageOffset"), pl.col("sender_uuid").alias("imageUUID"))
    return pl.struct(
        pl.lit("").alias("timezoneName"),
        pl.col("level").alias("messageType"),
        pl.lit("logEvent").alias("eventType"),
        pl.lit(None, pl.String).alias("source"),
        pl.lit("%{public}s").alias("formatString"),
        pl.lit(501).alias("userID"),
        pl.lit(0).alias("activityIdentifier"),
        pl.col("subsystem"),
        pl.col("category"),
        pl.col("tid").alias("threadID"),
        pl.col("sender_uuid").alias("senderImageUUID"),
        pl.struct(pl.concat_list(frames).alias("frames")).alias("backtrace"),
        pl.lit("2DF74FE0-4876-43B0-828B-F285FA4D42F5").alias("bootUUID"),
        pl.col("path").alias("processImagePath"),
        pl.col("sender_path").alias("senderImagePath"),
        (_local("%Y-%m-%d %H:%M:%S%.6f", tz) + offset_text(tz)).alias("timestamp"),
        ((pl.col("t_us") * 24) % (1 << 48)).alias("machTimestamp"),
        pl.col("message").alias("eventMessage"),
        pl.col("uuid").alias("processImageUUID"),
        ((pl.col("t_us") * 4099) % (1 << 62)).alias("traceID"),
        pl.col("pid").alias("processID"),
        pl.lit(28940).alias("senderProgramCounter"),
        pl.lit(0).alias("parentActivityIdentifier"),
    )


def lines_ndjson(frame: pl.DataFrame, tz: int) -> list[str]:
    encoded = _json_struct(tz).struct.json_encode().str.replace_all("/", "\\/", literal=True)
    return _images(frame).select(encoded.alias("line"))["line"].to_list()


def json_chunks(frame: pl.DataFrame, tz: int) -> list[str]:
    """Pretty objects as `log show --style json` prints them (2-space indent, ` : `)."""
    import json

    return [
        json.dumps(
            orjson.loads(line.replace("\\/", "/")),
            indent=2,
            separators=(",", " : "),
            ensure_ascii=False,
        ).replace("/", "\\/")
        for line in lines_ndjson(frame, tz)
    ]


def format_lines(frame: pl.DataFrame, style: str, tz: int, era: str) -> list[str]:
    """One printed entry per row (an entry may span several physical lines)."""
    if style == "default":
        return lines_default(frame, tz).to_list()
    if style == "compact":
        return lines_compact(frame, tz).to_list()
    if style == "syslog":
        return lines_syslog(frame, tz).to_list()
    if style == "console":
        return lines_console(frame, tz, era).to_list()
    if style == "relay":
        return lines_relay(frame, tz).to_list()
    if style == "ndjson":
        return lines_ndjson(frame, tz)
    if style == "json":
        return json_chunks(frame, tz)
    raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")


def trailer_default(counts: dict[str, int]) -> str:
    c = {k: counts.get(k, 0) for k in ("Default", "Info", "Debug", "Error", "Fault")}
    return (
        "-" * 116
        + f"\nLog      - Default: {c['Default']:>10}, Info: {c['Info']:>16},"
        + f" Debug: {c['Debug']:>13},"
        + f" Error: {c['Error']:>10}, Fault: {c['Fault']:>10}\n"
        + f"Activity - Create: {0:>11}, Transition: {0:>10}, Actions: {0:>11}\n"
    )
