"""runningboardd messages and every identity form (real_lines.md §3, §10.4, §11.3)."""

from __future__ import annotations

import pytest

RB = "runningboardd"

# (identity as printed, bundle, pid) — §11.3 identity forms, all from real lines
IDENTITIES = [
    ("application<com.elsystm.elsystm>", "com.elsystm.elsystm", None),
    ("[application<com.elsystm.elsystm>:1957]", "com.elsystm.elsystm", 1957),
    (
        "[app<com.hightowerai.MobileJarvisNative(BED36376-5A4B-42A9-9620-6AE0BC5F0283)>:1766]",
        "com.hightowerai.MobileJarvisNative",
        1766,
    ),
    ("[app<com.example.app((null))>:6256]", "com.example.app", 6256),
    ("app<com.DefaultCompany.NeonDrift((null))>", "com.DefaultCompany.NeonDrift", None),
    (
        "app<application.com.abhishek.Clocker.4425635010.4425635189(501)>",
        "com.abhishek.Clocker",
        None,
    ),
    (
        "[app<application.com.johnholdsworth.InjectionIII.11626606.11626616(502)>:39517]",
        "com.johnholdsworth.InjectionIII",
        39517,
    ),
    (
        "[xpcservice<com.apple.WebKit.WebContent([application<com.xxx.xxx>:716])>:721:721]",
        "com.apple.WebKit.WebContent",
        721,
    ),
    (
        "xpcservice<com.apple.WebKit.WebContent([application<com.xxx.xxx>:716])>:717",
        "com.apple.WebKit.WebContent",
        717,
    ),
    (
        "[xpcservice<com.apple.WebKit.WebContent([app<com.example.app((null))>:21249])>"
        "{vt hash: 71395982}[uuid:73F78BD3-4534-458B-8203-E22838B343D0]:21255]",
        "com.apple.WebKit.WebContent",
        21255,
    ),
]


@pytest.mark.parametrize(("identity", "bundle", "pid"), IDENTITIES)
def test_identity_forms_give_bundle_and_pid(signal, identity, bundle, pid):
    # built from the §11.3 template `Calculated state for <id>: running-active (role: <Role>)`
    got = signal(f"Calculated state for {identity}: running-active (role: Background)", RB)
    assert (got["bundle_id"], got.get("target_pid")) == (bundle, pid)


CASES = [
    # §3.1 verbatim (TAB-indented attribute lines)
    (
        "Acquiring assertion targeting application<com.elsystm.elsystm> from originator "
        "[daemon<com.apple.SpringBoard>:59] with description <RBSAssertionDescriptor| "
        '"FBApplicationProcess" ID:32-59-4103 target:application<com.elsystm.elsystm> '
        "attributes:[\n"
        "\t<RBSRunningReasonAttribute| runningReason:10000>,\n"
        "\t<RBSPreventIdleSleepGrant>,\n"
        "\t<RBSDefineRelativeStartTimeGrant>,\n"
        "\t<RBSGPUAccessGrant>,\n"
        "\t<RBSCPUAccessGrant| role:Background>\n"
        "\t]>",
        {
            "kind": "rb_assertion_acquiring",
            "bundle_id": "com.elsystm.elsystm",
            "requester": "com.apple.SpringBoard",
            "assertion_name": "FBApplicationProcess",
            "assertion_reason": "runningReason:10000",
            "role": "Background",
            "detail": "32-59-4103",
        },
    ),
    # §3.17 verbatim: UIKit background task assertion, persona identity
    (
        "Acquiring assertion targeting [app<com.hightowerai.MobileJarvisNative("
        "BED36376-5A4B-42A9-9620-6AE0BC5F0283)>:1766] from originator [app<com.hightowerai."
        "MobileJarvisNative(BED36376-5A4B-42A9-9620-6AE0BC5F0283)>:1766] with description "
        '<RBSAssertionDescriptor| "Shared Background Assertion 0 for com.hightowerai.'
        'MobileJarvisNative" ID:33-1766-1992938 target:1766 attributes:[\n'
        "\t<RBSLegacyAttribute| requestedReason:FinishTask reason:FinishTask flags:( "
        "PreventTaskSuspend )>,\n"
        "\t<RBSAcquisitionCompletionAttribute| policy:AfterValidation>\n"
        "\t]>",
        {
            "kind": "rb_assertion_acquiring",
            "bundle_id": "com.hightowerai.MobileJarvisNative",
            "target_pid": 1766,
            "requester": "com.hightowerai.MobileJarvisNative",
            "assertion_name": "Shared Background Assertion 0 for "
            "com.hightowerai.MobileJarvisNative",
            "assertion_reason": "reason:FinishTask",
            "detail": "33-1766-1992938",
        },
    ),
    # §3.15 verbatim: an RBSDomainAttribute
    (
        "Acquiring assertion targeting [app<application.org.p0deje.Maccy.32526940.32526946(501)>"
        ":13783] from originator [daemon<com.apple.coreservices.launchservicesd>:86] with "
        'description <RBSAssertionDescriptor| "frontmost:13783" ID:179-86-11800 target:13783 '
        "attributes:[\n"
        '\t<RBSDomainAttribute| domain:"com.apple.launchservicesd" name:"RoleUserInteractiveFocal" '
        'sourceEnvironment:"(null)">\n'
        "\t]>",
        {
            "kind": "rb_assertion_acquiring",
            "bundle_id": "org.p0deje.Maccy",
            "target_pid": 13783,
            "requester": "com.apple.coreservices.launchservicesd",
            "assertion_name": "frontmost:13783",
            "assertion_reason": 'domain:"com.apple.launchservicesd" '
            'name:"RoleUserInteractiveFocal"',
            "detail": "179-86-11800",
        },
    ),
    (
        "Assertion 34-24240-546989 (target:[application<com.brave.ios.browser>:24240]) will be "
        "created as inactive as start-time-defining assertions exist",
        {
            "kind": "rb_assertion_created",
            "bundle_id": "com.brave.ios.browser",
            "target_pid": 24240,
            "state": "inactive",
            "detail": "34-24240-546989",
        },
    ),
    (
        "Assertion 27-55-488 (target:application<com.samsara.troy>(UIScene:com.apple.frontboard."
        "systemappservices::sceneID%3Acom.samsara.troy-default)) will be created as active",
        {
            "kind": "rb_assertion_created",
            "bundle_id": "com.samsara.troy",
            "state": "active",
            "detail": "27-55-488",
        },
    ),
    (
        "Finished acquiring assertion 34-63-669 (target:[application<com.AppCo.MyApp>:432]"
        "(UIScene:com.apple.frontboard.systemappservices::sceneID%3Acom.AppCo.MyApp-default))",
        {
            "kind": "rb_assertion_acquired",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "detail": "34-63-669",
        },
    ),
    (
        "Invalidating assertion 34-24240-546989 (target:[application<com.brave.ios.browser>:24240])"
        " from originator [application<com.brave.ios.browser>:24240]",
        {
            "kind": "rb_assertion_invalidated",
            "bundle_id": "com.brave.ios.browser",
            "target_pid": 24240,
            "requester": "com.brave.ios.browser",
            "detail": "34-24240-546989",
        },
    ),
    (
        "Executing launch request for application<com.elsystm.elsystm> (FBApplicationProcess)",
        {
            "kind": "rb_launch_request",
            "bundle_id": "com.elsystm.elsystm",
            "assertion_name": "FBApplicationProcess",
        },
    ),
    (
        "Executing launch request for app<application.com.abhishek.Clocker.4425635010.4425635189"
        "(501)> (LS launch com.abhishek.Clocker)",
        {
            "kind": "rb_launch_request",
            "bundle_id": "com.abhishek.Clocker",
            "assertion_name": "LS launch com.abhishek.Clocker",
        },
    ),
    (
        "Creating and launching job for: application<com.elsystm.elsystm>",
        {"kind": "rb_launch_job", "bundle_id": "com.elsystm.elsystm"},
    ),
    (
        "Setting client for [app<com.hightowerai.MobileJarvisNative(BED36376-5A4B-42A9-9620-"
        "6AE0BC5F0283)>:1766] as ready",
        {
            "kind": "rb_client_ready",
            "bundle_id": "com.hightowerai.MobileJarvisNative",
            "target_pid": 1766,
        },
    ),
    (
        "Calculated state for application<app.alextran.immich>: running-active (role: "
        "UserInteractiveFocal)",
        {
            "kind": "rb_state",
            "bundle_id": "app.alextran.immich",
            "state": "running-active",
            "role": "UserInteractiveFocal",
        },
    ),
    (
        "Calculated state for "
        "xpcservice<com.apple.WebKit.WebContent([application<com.xxx.xxx>:716])>"
        ":717: none (role: None)",
        {
            "kind": "rb_state",
            "bundle_id": "com.apple.WebKit.WebContent",
            "target_pid": 717,
            "state": "none",
            "role": "None",
        },
    ),
    (
        "[application<com.elsystm.elsystm>:1957] Set jetsam priority to 3 [0] flag[1]",
        {"kind": "rb_priority", "bundle_id": "com.elsystm.elsystm", "target_pid": 1957},
    ),
    (
        "[application<com.elsystm.elsystm>:1957] Set darwin role to: NonUserInteractive",
        {
            "kind": "rb_priority",
            "bundle_id": "com.elsystm.elsystm",
            "target_pid": 1957,
            "role": "NonUserInteractive",
        },
    ),
    (
        "[app<application.com.abhishek.Clocker.4425635010.4425635189(501)>:9315] Ignoring suspend "
        "because this process is not lifecycle managed",
        {"kind": "rb_priority", "bundle_id": "com.abhishek.Clocker", "target_pid": 9315},
    ),
    (
        "[xpcservice<com.apple.WebKit.WebContent([application<com.xxx.xxx>:716])>:721:721] "
        "Suspending task.",
        {"kind": "rb_suspend", "bundle_id": "com.apple.WebKit.WebContent", "target_pid": 721},
    ),
    # §11.3 template `[<id>] Resuming task.` (no capture of the app form)
    (
        "[application<com.elsystm.elsystm>:1957] Resuming task.",
        {"kind": "rb_resume", "bundle_id": "com.elsystm.elsystm", "target_pid": 1957},
    ),
    # §3.9 verbatim
    (
        "Received termination request from [osservice<com.apple.cache_delete(501)>:4120] on "
        '<RBSProcessPredicate <RBSProcessBundleIdentifierPredicate "br.paker.Calendr">> with '
        "context <RBSTerminateContext| code:0xBADDD15C explanation:CacheDeleteAppContainerCaches "
        "requesting termination assertion for br.paker.Calendr reportType:None "
        "maxTerminationResistance:NonInteractive attrs:[\n"
        "\t<RBSPreventLaunchLimitation| <RBSProcessPredicate <RBSProcessBundleIdentifierPredicate "
        '"br.paker.Calendr">> allow:(null)>\n'
        "\t]>",
        {
            "kind": "rb_termination_request",
            "requester": "com.apple.cache_delete",
            "bundle_id": "br.paker.Calendr",
            "exit_code": 0xBADDD15C,
            "exit_reason": "system_other",
            "detail": "0xbaddd15c (terminated to delete caches): CacheDeleteAppContainerCaches "
            "requesting termination assertion for br.paker.Calendr",
        },
    ),
    # §3.10 verbatim (the forum cut the message after the explanation)
    (
        "Received termination request from [osservice<com.apple.dasd>:76] on <RBSProcessPredicate "
        "<RBSProcessHandlePredicateImpl| app<com.myapp.bundleid() with context "
        "<RBSTerminateContext| explanation:BG Kill Demo",
        {
            "kind": "rb_termination_request",
            "requester": "com.apple.dasd",
            "bundle_id": "com.myapp.bundleid",
            "detail": "BG Kill Demo",
        },
    ),
    (
        "Executing termination request for: <RBSProcessPredicate "
        '<RBSProcessBundleIdentifierPredicate "br.paker.Calendr">>',
        {"kind": "rb_termination_executing", "bundle_id": "br.paker.Calendr"},
    ),
    # §10.4 `%{public}@ Terminating with context: %{public}@`, filled with §12's assertion timeout
    (
        "[app<com.mycompany.backgrounddemo(BED36376-5A4B-42A9-9620-6AE0BC5F0283)>:12648] "
        "Terminating with context: <RBSTerminateContext| domain:15 code:0x2182BAD3 "
        "explanation:com.apple.nsurlsessiond.handlesession "
        "com.mycompany.backgrounddemo.background1 "
        "reportType:CrashLog maxTerminationResistance:Interactive>",
        {
            "kind": "rb_terminating",
            "bundle_id": "com.mycompany.backgrounddemo",
            "target_pid": 12648,
            "exit_namespace": 15,
            "exit_code": 0x2182BAD3,
            "exit_reason": "assertion_timeout",
            "detail": "0x2182bad3 (background URL session failed to complete in time): "
            "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1",
        },
    ),
    (
        "[app<com.example.app((null))>:6256] terminate_with_reason() success",
        {"kind": "rb_terminate_success", "bundle_id": "com.example.app", "target_pid": 6256},
    ),
    (
        "[application<com.AppCo.MyApp>:432] termination reported by launchd (2, 10, 10)",
        {
            "kind": "rb_termination_reported",
            "bundle_id": "com.AppCo.MyApp",
            "target_pid": 432,
            "exit_namespace": 2,
            "exit_code": 10,
            "exit_status": 10,
            "exit_reason": "crash",
            "detail": "signal 10 (SIGBUS)",
        },
    ),
    (
        "[app<com.example.app((null))>:6296] termination reported by launchd (10, 4227595259, 9)",
        {
            "kind": "rb_termination_reported",
            "bundle_id": "com.example.app",
            "target_pid": 6296,
            "exit_namespace": 10,
            "exit_code": 4227595259,
            "exit_status": 9,
            "exit_reason": "system_other",
            "detail": "0xfbfbfbfb (force quit by the system)",
        },
    ),
    (
        "[app<com.zhien.zenagent.ZenAgent>:6766] exited with context <RBSProcessExitContext| "
        "status:<RBSProcessExitStatus| domain:signal(2) code:SIGPIPE(13)>>",
        {
            "kind": "rb_exit_context",
            "bundle_id": "com.zhien.zenagent.ZenAgent",
            "target_pid": 6766,
            "exit_namespace": 2,
            "exit_code": 13,
            "exit_reason": "crash",
            "detail": "signal 13 (SIGPIPE)",
        },
    ),
    (
        "Removing process: [application<com.AppCo.MyApp>:432]",
        {"kind": "rb_process_removed", "bundle_id": "com.AppCo.MyApp", "target_pid": 432},
    ),
    (
        "Removed job for [app<application.com.johnholdsworth.InjectionIII.11626606.11626616(502)>"
        ":39517]",
        {
            "kind": "rb_process_removed",
            "bundle_id": "com.johnholdsworth.InjectionIII",
            "target_pid": 39517,
        },
    ),
    (
        "Removing launch job for: [app<application.com.johnholdsworth.InjectionIII.11626606."
        "11626616(502)>:39517]",
        {
            "kind": "rb_process_removed",
            "bundle_id": "com.johnholdsworth.InjectionIII",
            "target_pid": 39517,
        },
    ),
    (
        "Resolved pid 24242 to [xpcservice<com.apple.WebKit.WebContent([application<com.brave.ios."
        "browser>:24240])>:24242:24242]",
        {"kind": "rb_bookkeeping", "bundle_id": "com.apple.WebKit.WebContent", "target_pid": 24242},
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_runningboard_message(signal, message, expected):
    got = signal(message, RB)
    assert {k: v for k, v in got.items() if k != "family"} == expected


@pytest.mark.parametrize(
    ("process", "message", "bundle", "pid"),
    [
        (
            "Runner",
            "Hit the server for a process handle 3d5627d00002067 that resolved to: "
            "[application<app.alextran.immich>:8295]",
            "app.alextran.immich",
            8295,
        ),
        (
            "SpringBoard",
            "Hit the server for a process handle 143ff7e2000001b0 that resolved to: "
            "[application<com.AppCo.MyApp>:432]",
            "com.AppCo.MyApp",
            432,
        ),
        (
            "",  # §3.13: message echoed with its (sender) [subsystem:category] prefix
            "(RunningBoardServices) [com.apple.runningboard:process] Hit the server for a process "
            "handle 9452c95000067ab that resolved to: "
            "[application<org.nativescript.nssvgtest>:26539]",
            "org.nativescript.nssvgtest",
            26539,
        ),
    ],
)
def test_process_handle_in_any_process(signal, process, message, bundle, pid):
    got = signal(message, process)
    assert (got["kind"], got["bundle_id"], got["target_pid"]) == ("rb_process_handle", bundle, pid)
