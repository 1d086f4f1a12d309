"""SpringBoard / FrontBoard messages (real_lines.md §1.10 C, §3, §4, §11.4)."""

from __future__ import annotations

import pytest

SB = "SpringBoard"
DEMO = "com.mycompany.backgrounddemo"

CASES = [
    # §1.10 C verbatim: the relaunch for URL-session events, iOS 12
    (
        f'[FBSystemService][0xc652] Received request to open "{DEMO}" from nsurlsessiond:94.',
        {"kind": "fb_open_request", "bundle_id": DEMO, "requester": "nsurlsessiond"},
    ),
    (
        f'Received trusted open application request for "{DEMO}" from <FBProcess: 0x28396e370; '
        "nsurlsessiond; pid: 94>.",
        {"kind": "fb_open_request", "bundle_id": DEMO, "requester": "nsurlsessiond"},
    ),
    (
        "Executing request: <SBMainWorkspaceTransitionRequest: 0x28245b380; eventLabel: "
        f"OpenApplication({DEMO})ForRequester(nsurlsessiond.94); display: Main; source : "
        "FBSystemService>",
        {"kind": "fb_executing_request", "bundle_id": DEMO, "requester": "nsurlsessiond"},
    ),
    (
        f"Executing suspended-activation immediately: OpenApplication({DEMO})"
        "ForRequester(nsurlsessiond.94)",
        {"kind": "fb_suspended_activation", "bundle_id": DEMO, "requester": "nsurlsessiond"},
    ),
    (
        f"Bootstrapping {DEMO} with intent background",
        {"kind": "fb_bootstrapping", "bundle_id": DEMO, "state": "background"},
    ),
    # newer builds print the intent upper case (real_lines.md §1.10, paraphrased note)
    (
        f"Bootstrapping {DEMO} with intent BACKGROUND",
        {"kind": "fb_bootstrapping", "bundle_id": DEMO, "state": "BACKGROUND"},
    ),
    (
        f"Application process state changed for {DEMO}: <SBApplicationProcessState: 0x280ba7ae0; "
        "pid: 12648; taskState: Running; visibility: Unknown>",
        {
            "kind": "fb_process_state",
            "bundle_id": DEMO,
            "target_pid": 12648,
            "state": "Running",
            "role": "Unknown",
        },
    ),
    (
        "Application process state changed for com.elsystm.elsystm: <SBApplicationProcessState: "
        "0x281a5ea00; pid: 1957; taskState: Running; visibility: Background>",
        {
            "kind": "fb_process_state",
            "bundle_id": "com.elsystm.elsystm",
            "target_pid": 1957,
            "state": "Running",
            "role": "Background",
        },
    ),
    # §11.4 template: taskState Not Running
    (
        f"Application process state changed for {DEMO}: <SBApplicationProcessState: 0x280ba7ae0; "
        "pid: 12648; taskState: Not Running; visibility: Unknown>",
        {
            "kind": "fb_process_state",
            "bundle_id": DEMO,
            "target_pid": 12648,
            "state": "Not Running",
            "role": "Unknown",
        },
    ),
    # §3.3 verbatim
    (
        "[application<com.AppCo.MyApp>:432] Setting process task state to: Running",
        {
            "kind": "fb_task_state",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "state": "Running",
        },
    ),
    (
        "[application<com.AppCo.MyApp>:432] Setting process task state to: Not Running",
        {
            "kind": "fb_task_state",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "state": "Not Running",
        },
    ),
    (
        "[application<com.AppCo.MyApp>:432] Setting process visibility to: Foreground",
        {
            "kind": "fb_visibility",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "state": "Foreground",
        },
    ),
    # §11.4 templates
    (
        "[app<com.hightowerai.MobileJarvisNative>:1766] Bootstrap success!",
        {
            "kind": "fb_bootstrap_success",
            "bundle_id": "com.hightowerai.MobileJarvisNative",
            "target_pid": 1766,
        },
    ),
    (
        "[app<com.hightowerai.MobileJarvisNative>:1766] Connection established.",
        {
            "kind": "fb_connected",
            "bundle_id": "com.hightowerai.MobileJarvisNative",
            "target_pid": 1766,
        },
    ),
    (
        "[app<com.hightowerai.MobileJarvisNative>:1766] Connection to remote process established!",
        {
            "kind": "fb_connected",
            "bundle_id": "com.hightowerai.MobileJarvisNative",
            "target_pid": 1766,
        },
    ),
    (
        "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] Sending "
        "scene action [Logical Activate][0x5c2e] to process 0x86a491980 (watchdog: 19.96s)",
        {"kind": "fb_connected", "bundle_id": "com.hightowerai.MobileJarvisNative"},
    ),
    (
        "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] Sending "
        "scene create.",
        {"kind": "fb_connected", "bundle_id": "com.hightowerai.MobileJarvisNative"},
    ),
    (
        "[casa.capo.mynimx] Sending scene action [Logical Activate] through WorkspaceServer: "
        "0x6000009b79d0",
        {"kind": "fb_connected", "bundle_id": "casa.capo.mynimx"},
    ),
    # §4.8 (a) with the fills the source names (crash) and (d); (c) without the author's prefix
    (
        "[app<com.boardsesh.app>:85886] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:signal(2) code:SIGSEGV(11)>>.",
        {
            "kind": "fb_process_exited",
            "state": "specific",
            "bundle_id": "com.boardsesh.app",
            "target_pid": 85886,
            "exit_namespace": 2,
            "exit_code": 11,
            "exit_reason": "crash",
            "detail": "signal 11 (SIGSEGV)",
        },
    ),
    (
        "[app<com.boardsesh.app>:85886] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:signal(2) code:SIGKILL(9)>>.",
        {
            "kind": "fb_process_exited",
            "state": "specific",
            "bundle_id": "com.boardsesh.app",
            "target_pid": 85886,
            "exit_namespace": 2,
            "exit_code": 9,
            "exit_reason": "system_other",
            "detail": "signal 9 (SIGKILL)",
        },
    ),
    (
        "[osservice<com.weto.app>:5877] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:signal(2) code:SIGTERM(15)>>",
        {
            "kind": "fb_process_exited",
            "state": "specific",
            "bundle_id": "com.weto.app",
            "target_pid": 5877,
            "exit_namespace": 2,
            "exit_code": 15,
            "exit_reason": "system_other",
            "detail": "signal 15 (SIGTERM)",
        },
    ),
    (
        "Process exited: <RBSProcessExitContext| voluntary>.",
        {
            "kind": "fb_process_exited",
            "state": "voluntary",
            "exit_reason": "unknown",
            "detail": "voluntary exit",
        },
    ),
    # §4.8 (b) status with the prefix the author cut re-attached from (a)'s template
    (
        "[app<com.pivi.dictus>:24394] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:frontboard(10) code:force-quit(0xfbfbfbfb)>>.",
        {
            "kind": "fb_process_exited",
            "state": "specific",
            "bundle_id": "com.pivi.dictus",
            "target_pid": 24394,
            "exit_namespace": 10,
            "exit_code": 0xFBFBFBFB,
            "exit_reason": "system_other",
            "detail": "0xfbfbfbfb (force quit by the system)",
        },
    ),
    # §11.4: user swipe-kill code 0xdeadfa11 (decompiled, not observed)
    (
        "[app<com.pivi.dictus>:24394] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:frontboard(10) code:0xdeadfa11>>.",
        {
            "kind": "fb_process_exited",
            "state": "specific",
            "bundle_id": "com.pivi.dictus",
            "target_pid": 24394,
            "exit_namespace": 10,
            "exit_code": 0xDEADFA11,
            "exit_reason": "user_force_quit",
            "detail": "0xdeadfa11 (quit by the user)",
        },
    ),
    (
        "[application<com.AppCo.MyApp>:432] Process exited: <FBProcessExitContext; watchdog "
        '("watchdog '
        'provision violated")>.',
        {
            "kind": "fb_process_exited",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "exit_reason": "watchdog",
            "detail": 'watchdog ("watchdog provision violated")',
        },
    ),
    (
        "[application<com.AppCo.MyApp>:432] Invalidating workspace.",
        {"kind": "fb_workspace_cleanup", "bundle_id": "com.AppCo.MyApp", "target_pid": 432},
    ),
    (
        "Removing workspace registration for processHandle: [application<com.AppCo.MyApp>:432]",
        {"kind": "fb_workspace_cleanup", "bundle_id": "com.AppCo.MyApp", "target_pid": 432},
    ),
    (
        "Removing: <FBApplicationProcess: 0x10a0b8e80; application<com.AppCo.MyApp>:432(v5C)>",
        {"kind": "fb_workspace_cleanup", "bundle_id": "com.AppCo.MyApp", "target_pid": 432},
    ),
    # §3.3 verbatim (UserNotificationsServer in SpringBoard)
    (
        "[com.AppCo.MyApp] com.AppCo.MyApp application state changed to Terminated",
        {"kind": "fb_app_terminated", "bundle_id": "com.AppCo.MyApp"},
    ),
    # §4.4 (pager prefix removed)
    (
        "[pl.samy.nsurl-request] Setting deactivation reasons to: 'systemAnimation' for reason: "
        "scene settings update - settings are eligible for deactivation reasons.",
        {
            "kind": "fb_deactivation",
            "bundle_id": "pl.samy.nsurl-request",
            "state": "'systemAnimation'",
        },
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_frontboard_message(signal, message, expected):
    got = signal(message, SB)
    assert {k: v for k, v in got.items() if k != "family"} == expected
    assert got["family"] == "frontboard"


def test_frontboard_process_name_also_selects_the_family(signal):
    got = signal(f"Bootstrapping {DEMO} with intent background", "FrontBoard")
    assert got["kind"] == "fb_bootstrapping"
