"""Hypothesis strategies for random but valid scenarios (hypothesis is a test dependency).

A random scenario is a plan: a foreground start with some tasks, how the first process
ends, which tasks the daemon completes, and what happens next (background relaunch with a
handler that is called in time, late, early or never; a wake of the suspended app; a user
launch), all assembled from the same builders as the named scenarios.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from traceview.simulate import build as b
from traceview.simulate import timeline as s

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

SID = "com.example.random.uploads"
ENDINGS = ("suspended", "jetsam", "crash", "force_quit", "watchdog", "running")
HANDLERS = ("in_time", "late", "early", "never")
# Optional episodes of the first (foreground) process, before it goes to the background.
EXTRAS = ("duplicate_session", "waiting", "background_task", "invalidate_other", "debugger")


def scenarios() -> SearchStrategy[s.Scenario]:
    from hypothesis import strategies as st

    return st.builds(
        plan,
        era=st.sampled_from(s.ERAS),
        seed=st.integers(0, 2**32 - 1),
        count=st.integers(1, 6),
        kinds=st.lists(st.sampled_from(s.KINDS), min_size=6, max_size=6),
        unresumed=st.integers(0, 1),
        ending=st.sampled_from(ENDINGS),
        completed=st.integers(0, 6),
        handler=st.sampled_from(HANDLERS),
        recreate_other=st.booleans(),
        markers=st.booleans(),
        extras=st.sets(st.sampled_from(EXTRAS)),
    )


def plan(
    era: str,
    seed: int,
    count: int,
    kinds: list[str],
    unresumed: int,
    ending: str,
    completed: int,
    handler: str,
    recreate_other: bool,
    markers: bool,
    extras: frozenset[str] | set[str] = frozenset(),
) -> s.Scenario:
    """Build one scenario from the drawn choices (kept valid by construction)."""
    rng = random.Random(seed)
    specs = [
        s.TaskSpec(i + 1, b.uuid(rng), SID, kinds[i], rng.randint(1000, 5_000_000))
        for i in range(count)
    ]
    running = specs[: count - unresumed] if count > unresumed else specs
    idle = [spec for spec in specs if spec not in running]
    steps: list[s.Step] = [*b.start(3001, 0.0, SID, running)]
    steps += [s.TaskCreate(2.5 + i, spec.number, resume=False) for i, spec in enumerate(idle)]
    done = running[: min(completed, len(running))]
    steps += _ending(ending, done, running, handler, recreate_other)
    steps += _extras(extras, running)
    steps.append(s.EndOfLog(5000.0))
    debugger = "debugger" in extras
    return b.make(
        "random", "random scenario", era, rng, specs, steps, markers=markers, debugger=debugger
    )


def _extras(extras: frozenset[str] | set[str], running: list[s.TaskSpec]) -> list[s.Step]:
    """Episodes between launch (t=0..2) and leaving the foreground (t=20)."""
    steps: list[s.Step] = []
    if "duplicate_session" in extras:
        steps.append(s.SessionCreate(5.0, SID))
    if "waiting" in extras and running:
        steps.append(s.Waiting(6.0, running[0].number))
    if "background_task" in extras:
        steps += [s.BackgroundTaskBegin(7.0, 1, "random.flush"), s.BackgroundTaskEnd(9.0, 1)]
    if "invalidate_other" in extras:
        steps += [s.SessionCreate(10.0, "com.example.random.other"),
                  s.SessionInvalidate(11.0, "com.example.random.other")]  # fmt: skip
    return steps


def _ending(
    ending: str,
    done: list[s.TaskSpec],
    running: list[s.TaskSpec],
    handler: str,
    recreate_other: bool,
) -> list[s.Step]:
    if ending == "running":
        return [*b.complete(100.0, done, spacing=5.0), *b.deliver(200.0, done)]
    steps: list[s.Step] = [s.Background(20.0)]
    if ending == "force_quit":
        steps += [s.Kill(60.0, "force_quit"), s.Launch(3000.0, 3555), s.SessionCreate(3000.8, SID)]
        return steps + b.deliver(3001.0, running, error=-999, reason=0)
    if ending == "suspended":
        steps += b.complete(100.0, done, spacing=5.0)
        return steps + (b.wake(400.0, SID, done) if done else [])
    how = {"jetsam": "jetsam", "crash": "crash", "watchdog": "watchdog"}[ending]
    steps += [s.Kill(60.0, how, 11), *b.complete(100.0, done, spacing=5.0)]
    if not done:
        return steps
    other = "com.example.random.other" if recreate_other else None
    steps += b.relaunch(400.0, 3444, SID, done, created=other, handler=handler)
    if handler == "never" or recreate_other:
        steps.append(s.Kill(431.0, "assertion_timeout"))
    return steps
