"""The named scenarios (urlsession_rules.md §2.4, §5, §6)."""

from __future__ import annotations

import random
from collections.abc import Callable

from traceview.simulate import build as b
from traceview.simulate import timeline as s

SID = "com.example.photosync.uploads"
Builder = Callable[[str, random.Random], s.Scenario]


def uploads_after_jetsam(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 5, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(20.0), s.Kill(300.0, "jetsam")]
    steps += b.complete(420.0, specs) + b.relaunch(525.0, 4388, SID, specs) + [s.EndOfLog(600.0)]
    return b.make(
        "uploads_after_jetsam",
        "Uploads finish after the system killed the app; background relaunch delivers them",
        era,
        rng,
        specs,
        steps,
    )


def force_quit_then_user_launch(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 4, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(15.0), s.Kill(200.0, "force_quit")]
    later = 3 * 86400.0
    steps += [s.Launch(later, 5120), s.SessionCreate(later + 0.8, SID)]
    steps += [*b.deliver(later + 1.0, specs, error=-999, reason=0), s.EndOfLog(later + 60.0)]
    return b.make(
        "force_quit_then_user_launch",
        "User force quit during uploads; tasks are "
        "cancelled (reason 0) at the user launch three days later",
        era,
        rng,
        specs,
        steps,
    )


def user_relaunch_while_running(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(10.0), s.Kill(120.0, "jetsam")]
    steps += [s.Launch(400.0, 4502), s.SessionCreate(400.8, SID)]
    steps += b.complete(500.0, specs, spacing=5.0)
    steps += [s.Deliver(500.2 + 5.0 * i, spec.number) for i, spec in enumerate(specs)]
    steps.append(s.EndOfLog(560.0))
    return b.make(
        "user_relaunch_while_running",
        "User opens the app while its uploads still run: "
        "events arrive directly, no handleEvents (normal)",
        era,
        rng,
        specs,
        steps,
    )


def completion_handler_never_called(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(12.0), s.Kill(200.0, "jetsam")]
    steps += b.complete(300.0, specs, spacing=10.0)
    steps += [
        *b.relaunch(330.0, 4390, SID, specs, handler="never"),
        s.Kill(361.0, "assertion_timeout"),
    ]
    steps.append(s.EndOfLog(420.0))
    return b.make(
        "completion_handler_never_called",
        "Relaunched for session events, the app never "
        "calls the completion handler and is killed (0x2182bad3)",
        era,
        rng,
        specs,
        steps,
    )


def completion_handler_late(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(12.0), s.Kill(200.0, "jetsam")]
    steps += b.complete(300.0, specs, spacing=10.0)
    steps += [*b.relaunch(330.0, 4390, SID, specs, handler="late"), s.EndOfLog(420.0)]
    title = "Relaunched for session events, the app calls the completion handler 14 s late"
    return b.make("completion_handler_late", title, era, rng, specs, steps)


def session_identifier_mismatch(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID)
    other = "com.example.photosync." + b.uuid(rng)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(12.0), s.Kill(200.0, "jetsam")]
    steps += b.complete(300.0, specs, spacing=10.0)
    steps += [
        *b.relaunch(330.0, 4390, SID, specs, created=other),
        s.Kill(361.0, "assertion_timeout"),
    ]
    steps.append(s.EndOfLog(420.0))
    return b.make(
        "session_identifier_mismatch",
        "Relaunched for one session, the app creates a "
        "different identifier: completions are orphaned",
        era,
        rng,
        specs,
        steps,
    )


def duplicate_session_identifier(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 2, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.SessionCreate(5.0, SID)]
    steps += b.complete(40.0, specs, spacing=8.0) + b.deliver(60.0, specs) + [s.EndOfLog(90.0)]
    return b.make(
        "duplicate_session_identifier",
        "The same background identifier is created twice in one process",
        era,
        rng,
        specs,
        steps,
    )


def upload_from_data(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 1, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.UploadFromData(6.0), s.Kill(6.2, "exception")]
    steps += [*b.complete(60.0, specs), s.EndOfLog(120.0)]
    return b.make(
        "upload_from_data",
        "An upload from NSData in a background session raises an exception and the app crashes",
        era,
        rng,
        specs,
        steps,
    )


def rate_limiter_chain(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 4, SID)
    steps = [*b.start(4211, 0.0, SID, specs[:1]), s.Background(8.0)]
    t, delay = 60.0, 60.0
    for i, spec in enumerate(specs):
        steps += b.complete(t, [spec], spacing=10.0) + b.wake(t + 1.0, SID, [spec], delay)
        if i + 1 < len(specs):
            nxt = specs[i + 1]
            steps += [s.TaskCreate(t + 1.35, nxt.number), s.TaskStart(t + 1.0 + delay, nxt.number)]
        t, delay = t + 1.0 + delay + 30.0, delay * 2
    steps.append(s.EndOfLog(t + 30.0))
    return b.make(
        "rate_limiter_chain",
        "One task per background wake: each waits for the doubling request delay (60, 120, 240 s)",
        era,
        rng,
        specs,
        steps,
    )


def discretionary_waiting_hours(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID, kind="download")
    steps: list[s.Step] = [
        s.Launch(0.0, 4211),
        s.SessionCreate(0.8, SID),
        *b.create(1.2, specs, started=False),
    ]
    steps += [s.Background(10.0)]
    later = 5 * 3600.0
    steps += [s.TaskStart(later + i, spec.number) for i, spec in enumerate(specs)]
    steps += (
        b.complete(later + 120.0, specs)
        + b.wake(later + 170.0, SID, specs)
        + [s.EndOfLog(later + 240.0)]
    )
    return b.make(
        "discretionary_waiting_hours",
        "Discretionary downloads wait five hours before the system starts them",
        era,
        rng,
        specs,
        steps,
    )


def waiting_for_connectivity(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 2, SID)
    steps: list[s.Step] = [
        s.Launch(0.0, 4211),
        s.SessionCreate(0.8, SID),
        *b.create(1.2, specs, started=False),
    ]
    steps += [s.Waiting(3.0 + i, spec.number) for i, spec in enumerate(specs)] + [
        s.Background(30.0)
    ]
    back = 2400.0
    steps += [s.TaskStart(back + i, spec.number) for i, spec in enumerate(specs)]
    steps += (
        b.complete(back + 60.0, specs)
        + b.wake(back + 90.0, SID, specs)
        + [s.EndOfLog(back + 150.0)]
    )
    return b.make(
        "waiting_for_connectivity",
        "Uploads wait for connectivity for 40 minutes, then complete",
        era,
        rng,
        specs,
        steps,
    )


def log_ends_while_running(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID) + b.tasks(rng, 1, SID, kind="download", first=4)
    idle = b.tasks(rng, 1, SID, first=5)
    steps = [
        *b.start(4211, 0.0, SID, specs),
        s.TaskCreate(2.0, 5, resume=False),
        s.Background(30.0),
    ]
    steps += [s.Progress(200.0 + 50 * i, spec.number, 0.3) for i, spec in enumerate(specs)]
    steps.append(s.EndOfLog(900.0))
    return b.make(
        "log_ends_while_running",
        "The capture ends while uploads run; one task was never resumed",
        era,
        rng,
        specs + idle,
        steps,
    )


def daemon_connection_lost(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 1, SID, kind="data") + b.tasks(rng, 1, SID, first=2)
    steps = [*b.start(4211, 0.0, SID, specs), *b.deliver(45.0, specs, error=-997), s.EndOfLog(90.0)]
    return b.make(
        "daemon_connection_lost",
        "A data task in a background session; the app loses its connection to nsurlsessiond (-997)",
        era,
        rng,
        specs,
        steps,
    )


def leaked_background_task(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 3, SID)
    name = "PhotoSync.flushQueue"
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(10.0, suspend_after=None)]
    steps += [s.BackgroundTaskBegin(10.2, 1, name), s.BackgroundTaskOverdue(40.5, 1, name)]
    steps += [s.Kill(41.0, "background_task_timeout")]
    steps += b.complete(300.0, specs) + b.relaunch(400.0, 4390, SID, specs) + [s.EndOfLog(460.0)]
    return b.make(
        "leaked_background_task",
        "A UIKit background task is never ended; the app is "
        "killed (0x2182bad2) with uploads in flight",
        era,
        rng,
        specs,
        steps,
    )


def background_launch_crash(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 2, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(10.0), s.Kill(90.0, "jetsam")]
    steps += [*b.complete(200.0, specs), s.Launch(260.0, 4390, "background_urlsession", SID, 60.0)]
    steps += [s.SessionCreate(260.4, SID), s.HandleEvents(260.5, SID), s.Kill(261.0, "crash", 11)]
    steps.append(s.EndOfLog(320.0))
    return b.make(
        "background_launch_crash",
        "The app crashes during its background relaunch, before the events are delivered",
        era,
        rng,
        specs,
        steps,
    )


def debugger_attached(era: str, rng: random.Random) -> s.Scenario:
    specs = b.tasks(rng, 2, SID)
    steps = [*b.start(4211, 0.0, SID, specs), s.Background(10.0, suspend_after=None)]
    steps += b.complete(120.0, specs) + b.deliver(160.0, specs) + [s.EndOfLog(200.0)]
    return b.make(
        "debugger_attached",
        "Run under Xcode's debugger: never suspended, events delivered directly",
        era,
        rng,
        specs,
        steps,
        debugger=True,
    )


def healthy_day(era: str, rng: random.Random) -> s.Scenario:
    """50 uploads in five foreground batches over a day; every one delivered."""
    return healthy_batches(era, rng, 5)


def healthy_batches(era: str, rng: random.Random, batches: int) -> s.Scenario:
    """`batches` foreground batches of 10 uploads, three hours apart; every one delivered.

    Also the benchmark's scenario: its size grows linearly with `batches`."""
    specs = b.tasks(rng, 10 * batches, SID)
    steps: list[s.Step] = [s.Launch(0.0, 4211), s.SessionCreate(0.8, SID)]
    for batch in range(batches):
        group = specs[batch * 10 : batch * 10 + 10]
        t = batch * 3 * 3600.0
        if batch:
            pid = 4211 + (batch * 97) % 60000
            steps += [s.Launch(t, pid), s.SessionCreate(t + 0.8, SID)]
        steps += [*b.create(t + 2.0, group), s.Background(t + 60.0)]
        steps += b.complete(t + 120.0, group, spacing=12.0, http=201)
        steps += [*b.wake(t + 300.0, SID, group, delay=0.0), s.Kill(t + 2 * 3600.0, "jetsam")]
    steps.append(s.EndOfLog((3 * batches) * 3600.0))
    title = f"A healthy stretch: {10 * batches} uploads in {batches} batches, all delivered"
    return b.make("healthy_day", title, era, rng, specs, steps)


BUILDERS: dict[str, Builder] = {
    f.__name__: f
    for f in (
        uploads_after_jetsam,
        force_quit_then_user_launch,
        user_relaunch_while_running,
        completion_handler_never_called,
        completion_handler_late,
        session_identifier_mismatch,
        duplicate_session_identifier,
        upload_from_data,
        rate_limiter_chain,
        discretionary_waiting_hours,
        waiting_for_connectivity,
        log_ends_while_running,
        daemon_connection_lost,
        leaked_background_task,
        background_launch_crash,
        debugger_attached,
        healthy_day,
    )
}
