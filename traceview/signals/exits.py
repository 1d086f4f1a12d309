"""Exit and termination codes -> named end reasons (log_formats.md §12, docs/semantics.md).

Three places print why a process ended:
- runningboardd `termination reported by launchd (namespace, code, status)`;
- `<RBSProcessExitStatus| domain:<name>(<n>) code:<name>(<value>)>` (runningboardd, FrontBoard);
- `<RBSTerminateContext| code:0x…>` (a kill RunningBoard carries out or is asked for).
Each decoder returns the EndReason candidate and a short human detail.
"""

from __future__ import annotations

from traceview.model import EndReason

# os_reason namespaces (log_formats.md §12)
NAMESPACE_JETSAM = 1
NAMESPACE_SIGNAL = 2
NAMESPACE_FRONTBOARD = 10
NAMESPACE_RUNNINGBOARD = 15
DOMAIN_DYLD = 6

# Termination codes RunningBoard and FrontBoard use, with what they mean.
TERMINATION_CODES: dict[int, tuple[EndReason, str]] = {
    0xDEADFA11: (EndReason.USER_FORCE_QUIT, "quit by the user"),
    0x2182BAD2: (EndReason.ASSERTION_TIMEOUT, "background task failed to complete in time"),
    0x2182BAD3: (EndReason.ASSERTION_TIMEOUT, "background URL session failed to complete in time"),
    0x2182BAD4: (EndReason.ASSERTION_TIMEOUT, "background fetch failed to complete in time"),
    0x2182BAAD: (EndReason.ASSERTION_TIMEOUT, "assertion failed to complete in time"),
    0x8BADF00D: (EndReason.WATCHDOG, "watchdog"),
    0xFBFBFBFB: (EndReason.SYSTEM_OTHER, "force quit by the system"),
    0xDEAD10CC: (EndReason.SYSTEM_OTHER, "suspended while holding a shared file lock"),
    0xC00010FF: (EndReason.SYSTEM_OTHER, "thermal pressure"),
    0xBADDD15C: (EndReason.SYSTEM_OTHER, "terminated to delete caches"),
    0xBAADCA11: (EndReason.SYSTEM_OTHER, "VoIP push not reported to CallKit"),
    0x2BAD45EC: (EndReason.SYSTEM_OTHER, "security violation"),
}

# Darwin signal numbers (they differ from Linux: 10 is SIGBUS, 30 SIGUSR1).
DARWIN_SIGNALS: tuple[str, ...] = (
    "SIGHUP",
    "SIGINT",
    "SIGQUIT",
    "SIGILL",
    "SIGTRAP",
    "SIGABRT",
    "SIGEMT",
    "SIGFPE",
    "SIGKILL",
    "SIGBUS",
    "SIGSEGV",
    "SIGSYS",
    "SIGPIPE",
    "SIGALRM",
    "SIGTERM",
    "SIGURG",
    "SIGSTOP",
    "SIGTSTP",
    "SIGCONT",
    "SIGCHLD",
    "SIGTTIN",
    "SIGTTOU",
    "SIGIO",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGVTALRM",
    "SIGPROF",
    "SIGWINCH",
    "SIGINFO",
    "SIGUSR1",
    "SIGUSR2",
)
SIGKILL, SIGTERM = 9, 15
# Signals that mean "killed from outside" rather than a crash.
KILL_SIGNALS = frozenset({SIGKILL, SIGTERM})


def signal_name(number: int) -> str:
    """`SIGSEGV` for 11; `signal 99` when the number is not a Darwin signal."""
    if 1 <= number <= len(DARWIN_SIGNALS):
        return DARWIN_SIGNALS[number - 1]
    return f"signal {number}"


def decode_terminate_code(code: int) -> tuple[EndReason, str]:
    """A RunningBoard/FrontBoard termination code such as 0x2182bad3."""
    reason, meaning = TERMINATION_CODES.get(code, (EndReason.SYSTEM_OTHER, "terminated"))
    return reason, f"{code:#x} ({meaning})"


def decode_signal(number: int) -> tuple[EndReason, str]:
    detail = f"signal {number} ({signal_name(number)})"
    if number in KILL_SIGNALS:
        return EndReason.SYSTEM_OTHER, detail
    return EndReason.CRASH, detail


def decode_launchd(namespace: int, code: int, status: int) -> tuple[EndReason, str]:
    """`termination reported by launchd (namespace, code, status)`."""
    if namespace == 0 and code == 0:
        return EndReason.UNKNOWN, f"clean exit (status {status})"
    return _decode_namespace(namespace, code)


def decode_exit_status(domain: int, code: int) -> tuple[EndReason, str]:
    """`<RBSProcessExitStatus| domain:<name>(<domain>) code:<name>(<code>)>`."""
    if domain == 0 and code == 0:
        return EndReason.UNKNOWN, "clean exit"
    if domain == DOMAIN_DYLD:
        return EndReason.CRASH, f"launch failed in dyld (code {code})"
    return _decode_namespace(domain, code)


def _decode_namespace(namespace: int, code: int) -> tuple[EndReason, str]:
    if namespace == NAMESPACE_SIGNAL:
        return decode_signal(code)
    if namespace == NAMESPACE_JETSAM:
        return EndReason.SYSTEM_JETSAM, f"jetsam (reason {code})"
    if namespace in (NAMESPACE_FRONTBOARD, NAMESPACE_RUNNINGBOARD) or code in TERMINATION_CODES:
        return decode_terminate_code(code)
    return EndReason.SYSTEM_OTHER, f"namespace {namespace} code {code:#x}"
