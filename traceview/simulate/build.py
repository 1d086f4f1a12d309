"""Small builders the named scenarios are made of (a foreground start, a relaunch, ...)."""

from __future__ import annotations

import random

from traceview.simulate import timeline as s

BASE_EPOCH = 1773479525.0  # 2026-03-14 09:12:05 UTC
ERA_TZ = {"12": 120, "13-16": -240, "17+": 60}


def uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032X}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def app(rng: random.Random) -> s.App:
    return s.App("com.example.photosync", "PhotoSync", uuid(rng))


def tasks(
    rng: random.Random, count: int, session: str, kind: str = "upload", first: int = 1
) -> list[s.TaskSpec]:
    return [
        s.TaskSpec(first + i, uuid(rng), session, kind, rng.randint(400_000, 9_000_000))
        for i in range(count)
    ]


def start(
    pid: int, t: float, session: str, specs: list[s.TaskSpec], by: str = "user"
) -> list[s.Step]:
    """Launch, create the session, create and start every task (all in the foreground)."""
    steps: list[s.Step] = [s.Launch(t, pid, by), s.SessionCreate(t + 0.8, session)]
    for i, spec in enumerate(specs):
        steps.append(s.TaskCreate(t + 1.2 + i * 0.05, spec.number))
        steps.append(s.TaskStart(t + 1.6 + i * 0.05, spec.number))
    return steps


def create(t: float, specs: list[s.TaskSpec], started: bool = True) -> list[s.Step]:
    steps: list[s.Step] = []
    for i, spec in enumerate(specs):
        steps.append(s.TaskCreate(t + i * 0.05, spec.number))
        if started:
            steps.append(s.TaskStart(t + 0.4 + i * 0.05, spec.number))
    return steps


def complete(
    t: float, specs: list[s.TaskSpec], spacing: float = 20.0, http: int = 201
) -> list[s.Step]:
    """Progress then daemon completion, one task every `spacing` seconds."""
    steps: list[s.Step] = []
    for i, spec in enumerate(specs):
        done = t + i * spacing
        steps.append(s.Progress(done - spacing / 2, spec.number, 0.5))
        steps.append(s.DaemonComplete(done, spec.number, http))
    return steps


def deliver(
    t: float, specs: list[s.TaskSpec], error: int = 0, reason: int | None = None
) -> list[s.Step]:
    return [s.Deliver(t + i * 0.03, spec.number, error, reason) for i, spec in enumerate(specs)]


def wake_protocol(
    t: float, session: str, specs: list[s.TaskSpec], handler: str = "in_time"
) -> list[s.Step]:
    """handleEvents, deliveries, didFinishEvents, then the completion handler.

    handler: in_time | late (after SLOW_WAKE_S) | early (before didFinishEvents) | never.
    """
    steps: list[s.Step] = [s.HandleEvents(t, session), *deliver(t + 0.1, specs)]
    finish = t + 0.2 + 0.03 * len(specs)
    steps.append(s.DidFinishEvents(finish, session))
    if handler == "in_time":
        steps += [s.CompletionHandler(finish + 0.05, session), s.Suspend(finish + 1.5)]
    elif handler == "late":
        steps += [s.CompletionHandler(finish + 14.0, session), s.Suspend(finish + 15.0)]
    elif handler == "early":
        steps.insert(1, s.CompletionHandler(t + 0.05, session))
        steps.append(s.Suspend(finish + 1.5))
    return steps


def relaunch(
    t: float,
    pid: int,
    session: str,
    specs: list[s.TaskSpec],
    delay: float = 60.0,
    created: str | None = None,
    handler: str = "in_time",
) -> list[s.Step]:
    """nsurlsessiond relaunches the app in the background; it recreates `created` (default
    the same identifier) and handles the events."""
    steps: list[s.Step] = [s.Launch(t, pid, "background_urlsession", session, delay)]
    steps.append(s.SessionCreate(t + 0.4, created or session))
    if created is None or created == session:
        return steps + wake_protocol(t + 0.5, session, specs, handler)
    return [*steps, s.HandleEvents(t + 0.5, session)]


def wake(t: float, session: str, specs: list[s.TaskSpec], delay: float = 60.0) -> list[s.Step]:
    """The suspended app is resumed in the background for the session's events."""
    return [s.Wake(t, session, delay), *wake_protocol(t + 0.3, session, specs)]


def make(
    name: str,
    title: str,
    era: str,
    rng: random.Random,
    specs: list[s.TaskSpec],
    steps: list[s.Step],
    **options: bool,
) -> s.Scenario:
    the_app = app(rng)
    return s.Scenario(
        name=name,
        title=title,
        era=era,
        app=the_app,
        tasks=tuple(specs),
        timeline=tuple(sorted(steps, key=lambda step: step.at)),
        start_epoch=BASE_EPOCH,
        tz_minutes=ERA_TZ[era],
        **options,
    )
