"""The §11 checklist: every template row of real_lines.md §11 -> lines that must be recognised.

Keys are the beginning of the row's template cell (unique among the rows). Lines are verbatim from
real_lines.md where one exists, else built from the row's template (or its §10 format string)
with the values of real lines around it. Each line names the process that logs it and the kind
it must be recognised as.
"""

from __future__ import annotations

T = "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605>"
S = "585CDBB1-9CD2-4150-AFCF-109678004019"
B = "chat.glib.groupchat.stage"
SID = "com.bbflight.background_downloader.Downloader"
DEMO = "com.mycompany.backgrounddemo"
ID = "[application<com.elsystm.elsystm>:1957]"
NSD, RB, SB, AD, APP = "nsurlsessiond", "runningboardd", "SpringBoard", "assertiond", "RunnerStage"

Line = tuple[str, str, str]  # (process, message, kind)

CHECKLIST: dict[str, list[Line]] = {
    # ---- §11.1 nsurlsessiond ----
    "`Creating session with identifier: <sid> ": [
        (NSD, f"Creating session with identifier: {SID} for bundle id: {B}", "session_created"),
    ],
    "`NDSession <S> Session <S> is for <<bundle": [
        (
            NSD,
            f"NDSession <{S}> Session <{S}> is for <{B}>.<{SID}> using resource timeout: "
            "14400.000000, request timeout: 60.000000 allowsCellularAccess: 1, "
            "allowsExpensiveAccess: 1, allowsConstrainedAccess: 1, "
            "_sourceApplicationBundleIdentifier:"
            " (null), _sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1, "
            "allowsUltraConstrainedAccess: 0",
            "session_configured",
        ),
    ],
    "`NDSession <S> client <bundle> is active r": [
        (
            NSD,
            f"NDSession <{S}> client {B} is active result (N), XPC(Y) proxy(N) for {SID}",
            "client_connected",
        ),
    ],
    "`NDSession <S> client <bundle> disconnecte": [
        (
            NSD,
            f"NDSession <{S}> client {B} disconnected, XPC(Y) proxy(Y) for {SID}",
            "client_disconnected",
        ),
    ],
    "`NDSession <S>.<<bundle>>.<<sid>> Lost con": [
        (
            NSD,
            f"NDSession <{S}>.<{B}>.<{SID}> Lost connection to app -- connection invalidated",
            "client_lost_connection",
        ),
    ],
    "`NDSession <S>.<<bundle>>.<<sid>>: removin": [
        (NSD, f"NDSession <{S}>.<{B}>.<{SID}>: removing session", "session_removed"),
    ],
    "`Task <T>.<n> is for <<bundle>>.<<sid>>.<n": [
        (NSD, f"{T} is for <<private>>.<<private>>.<1605>", "task_registered"),
    ],
    "`Task <T>.<n> uploadTaskWithRequest: <pri": [
        (NSD, f"{T} uploadTaskWithRequest: <private> fromFile: <private>", "task_upload_created"),
    ],
    "`Task <T>.<n> enqueueing`": [(NSD, f"{T} enqueueing", "task_enqueued")],
    "`Task <T>.<n> resumeTaskWithIdentifier, p": [
        (NSD, f"{T} resumeTaskWithIdentifier, props <private>", "task_resume_requested"),
    ],
    "`Task <T>.<n> resuming, QOS(0x<h>)[ Vouch": [
        (NSD, f"{T} resuming, QOS(0x9)", "task_resuming"),
        (NSD, f"{T} resuming, QOS(0x19) Voucher <private>", "task_resuming"),
        (NSD, f"{T} resuming", "task_resuming"),
    ],
    "`Task <T>.<n> has not requested a begin d": [
        (NSD, f"{T} has not requested a begin delay", "task_no_begin_delay"),
        (
            NSD,
            f"{T} skipping delayed request callback - delegate not implemented",
            "task_delay_callback_skipped",
        ),
        (NSD, f"{T} will begin", "task_will_begin"),
    ],
    "`Current discretionary status for <x> is ": [
        (
            NSD,
            "Current discretionary status for <private> is non-discretionary, since the app is "
            "being debugged",
            "discretionary_status",
        ),
    ],
    "`Task <T>.<n> {strength N, tls N, ct N, s": [
        (
            NSD,
            f"{T} {{strength 1, tls 8, ct 0, sub 0, sig 0, ciphers 1, bundle 0, builtin 0}}",
            "task_ats",
        ),
    ],
    "`TIC TCP [0x0] working for task <private>": [
        (NSD, "TIC TCP [0x0] working for task <private>", "tic_event"),
        (NSD, "TIC Enabling TLS [8763:0x10fe93470]", "tic_event"),
    ],
    "`[C<N> Hostname#<h>:<port> tcp, bundle id": [
        (
            NSD,
            f"[C3795 Hostname #aca88929:443 tcp, bundle id: {DEMO}, url hash: fae4ed2d, traffic "
            "class: 100, tls, indefinite] start",
            "connection_event",
        ),
        (
            NSD,
            f"[C3794 Hostname #aca88929:443 tcp, bundle id: {DEMO}, url hash: 8f857432, traffic "
            "class: 100, tls, indefinite] cancel",
            "connection_event",
        ),
    ],
    "`NDSession <S> Task <T>.<n> did receive da": [
        (
            NSD,
            "NDSession <7E18A208-B0F3-400D-916E-AD844AF190F2> Task <5331FB72-769E-4B22-8EDF-"
            "3D4944B1970A>.<5> did receive data (629823296 of 1953496076 total bytes)",
            "task_progress",
        ),
    ],
    "`Task <T>.<n> done using Connection <N>`": [
        (NSD, f"{T} done using Connection 17", "task_connection"),
    ],
    "`Task <T>.<n> didReceiveResponse: <privat": [
        (NSD, f"{T} didReceiveResponse: <private>, status code: 200", "task_response"),
    ],
    "`Task <T>.<n> became download task`": [
        (NSD, f"{T} became download task", "task_became_download")
    ],
    "`Task <T>.<n> finished downloading to <pr": [
        (NSD, f"{T} finished downloading to <private>", "task_finished_downloading"),
    ],
    "`Task <T>.<n> completed with error (null)": [
        (NSD, f"{T} completed with error (null) [0]", "task_completed"),
        (NSD, f"{T} completed with error <private> [-1001]", "task_completed"),
    ],
    "`Task <T>.<n> for client <private> comple": [
        (NSD, f"{T} for client <private> completed successfully", "task_completed_for_client"),
    ],
    "`Task <T>.<n> logTaskError isDownload = Y": [
        (
            NSD,
            f"{T} logTaskError isDownload = Y bytesReceived = 1048576 bytesSent = 0 isRecoverable "
            "= Y",
            "task_error_stats",
        ),
    ],
    "`Task <T>.<n> client acknowledged file do": [
        (NSD, f"{T} client acknowledged file download", "task_ack_download"),
        (NSD, f"{T} client acknowledged completion", "task_ack_completion"),
    ],
    "`Triggering periodic update to powerlog f": [
        (NSD, "Triggering periodic update to powerlog for client <private>", "powerlog_update"),
    ],
    "`[FBSSystemService][0x<h>] Sending request": [
        (NSD, f'[FBSSystemService][0xc652] Sending request to open "{DEMO}"', "wake_requested"),
    ],
    "`Will request wake of app <bundle> for NDS": [
        (
            NSD,
            f"Will request wake of app {DEMO} for NDSession <{S}> with identifier <private>",
            "wake_requested",
        ),
        (NSD, f"Successfully woke application {DEMO} and took process assertion", "wake_succeeded"),
        (NSD, f"Failed to open application {DEMO}, error: <private> timeout: NO", "wake_failed"),
    ],
    "`Invalidating assertion for bundleID: <bu": [
        (
            NSD,
            f"Invalidating assertion for bundleID: {DEMO}. sessionID: <private>",
            "wake_assertion_released",
        ),
    ],
    "`Task <n> for client <CFString …>{content": [
        (
            NSD,
            'Task 1 for client <CFString 0x7fa810c047d0 [0x1073daa40]>{contents = "com.apple.'
            'mobileassetd"} completed with error - code: -999',
            "task_legacy_completed",
        ),
    ],
    # ---- §11.2 CFNetwork in the app ----
    "`BackgroundSession <S> background session": [
        (
            APP,
            "BackgroundSession <B69433D1-43A2-4B9F-B85F-DA0FF60A4511> background session setup "
            "will wait for reply: session <__NSURLBackgroundSession: 0x10f23e5c0> with identifier "
            "com.bbflight.background_downloader.Downloader",
            "bg_session_setup",
        ),
    ],
    "`Task <T>.<n> resuming, QOS(0x<h>)` (iOS 1": [
        (APP, f"{T} resuming, QOS(0x9)", "task_resuming"),
        (
            APP,
            f"{T} resuming, timeouts(60.0, 604800.0) QOS(0x19) Voucher <private>",
            "task_resuming",
        ),
        (
            APP,
            "Task <CD3ED53A-9F3C-4D80-ADDA-6E969A34BF66>.<9> resuming, timeouts(5.0, 604800.0) "
            "qos(0x21) voucher((null)) activity(00000000-0000-0000-0000-000000000000)",
            "task_resuming",
        ),
    ],
    "`Task <T>.<n> now using Connection <N>` →": [
        (
            APP,
            "Task <E1909D86-F6C8-4AFF-A567-65B59EFE0F22>.<37> now using Connection 10",
            "task_connection",
        ),
        (
            APP,
            "Task <AA267BFF-52B7-464B-8EFA-242EE2D4068B>.<13> sent request, body N 0",
            "task_request_sent",
        ),
        (
            APP,
            "0x104a5ca98 ID=0 Task <3B37F5AA-962B-4E3D-918C-4408024F93BE>.<1> received response, "
            "status 304 content U",
            "task_response",
        ),
        (
            APP,
            "Task <4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51>.<259> response ended",
            "task_response_ended",
        ),
        (
            APP,
            "Task <4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51>.<259> done using Connection 2",
            "task_connection",
        ),
    ],
    "`Task <T>.<n> summary for task success {k": [
        (
            APP,
            "Task <2FAEF670-BB27-42A4-ACDD-6B6DF7D11510>.<2> summary for task success "
            "{transaction_duration_ms=1, response_status=200, connection=9, reused=1, "
            "reused_after_ms=0, request_bytes=236, response_bytes=624, cache_hit=true}",
            "task_summary",
        ),
        (
            APP,
            "Task <B4750D91-9A80-4979-93B5-1E94B4AAEB69>.<111> summary for task failure "
            "{transaction_duration_ms=534, response_status=-1, connection=3, reused=1, "
            "reused_after_ms=0, request_start_ms=386, request_duration_ms=72, response_start_ms=0, "
            "response_duration_ms=0, request_bytes=66, response_bytes=0, cache_hit=false}",
            "task_summary",
        ),
    ],
    "`Task <T>.<n> finished successfully`": [
        (
            APP,
            "Task <10FF4858-9F5E-413B-98DC-692D754F3B42>.<1> finished successfully",
            "task_finished",
        ),
    ],
    "`Task <T>.<n> finished with error [<code>": [
        (
            APP,
            f'{T} finished with error [-999] Error Domain=NSURLErrorDomain Code=-999 "cancelled" '
            "UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=2}",
            "task_finished",
        ),
        (
            APP,
            "Task <F4F00CED-2D6C-4955-B8AC-60843155F10B>.<4> finished with error - code: -999",
            "task_finished",
        ),
    ],
    "`Task <T>.<n> load failed with error Erro": [
        (
            APP,
            f'{T} load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" '
            "UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=1} [-999]",
            "task_load_failed",
        ),
        (
            APP,
            "Task <F4F00CED-2D6C-4955-B8AC-60843155F10B>.<4> HTTP load failed (error code: -999 "
            "[1:89])",
            "task_load_failed",
        ),
    ],
    "inside errors: `_NSURLErrorRelatedURLSess": [
        (
            APP,
            f'{T} finished with error [-999] Error Domain=NSURLErrorDomain Code=-999 "cancelled" '
            'UserInfo={_NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "BackgroundUploadTask '
            '<30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605>",\n    "LocalUploadTask '
            '<30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605>"\n)}',
            "task_finished",
        ),
    ],
    "`NSURLErrorBackgroundTaskCancelledReasonK": [
        (
            APP,
            "Task <616594A2-290C-486E-9EDD-7ECEF7143F6A>.<219> load failed with error Error "
            'Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackground'
            "TaskCancelledReasonKey=0, NSErrorFailingURLStringKey=https://eu-hermes-discovery-kit."
            "s3-eu-west-1.amazonaws.com/eu/main/2014_07_14_11_21_27/videos/117546/425029/vdr/"
            "1234567890_part_2.mov",
            "task_load_failed",
        ),
    ],
    '`Code=-997 "Lost connection to background': [
        (
            APP,
            "Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error "
            'Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" '
            "UserInfo={NSLocalizedDescription=Lost connection to background transfer service}",
            "task_finished",
        ),
    ],
    "`Task <T>.<n> RELEASING power assertion.`": [
        (APP, f"{T} RELEASING power assertion.", "task_power_assertion_released"),
    ],
    "`BackgroundSession <S> attempting to recon": [
        (
            APP,
            f"BackgroundSession <{S}> attempting to reconnect to background transfer daemon",
            "bg_session_notice",
        ),
        (
            APP,
            f"BackgroundSession <{S}> no connection to background transfer daemon, and will not "
            "try to reconnect",
            "bg_session_notice",
        ),
        (
            APP,
            f"BackgroundSession <{S}> attempting to setup a background session before first device "
            "unlock!",
            "bg_session_notice",
        ),
        (APP, f"BackgroundSession <{S}> client transitioning to foreground", "bg_session_notice"),
        (APP, f"BackgroundSession <{S}> Already invalidating <private>", "bg_session_notice"),
        (
            APP,
            f"BackgroundSession <{S}> Cannot create upload task with corrupt resume data",
            "bg_session_notice",
        ),
        (
            APP,
            f"BackgroundSession <{S}> didFinishDownloadingToURL received nil location",
            "bg_session_notice",
        ),
    ],
}

CHECKLIST.update(
    {
        # ---- §11.3 runningboardd ----
        "`Acquiring assertion targeting <id> from ": [
            (
                RB,
                f"Acquiring assertion targeting {ID} from originator "
                "[daemon<com.apple.SpringBoard>:59]"
                ' with description <RBSAssertionDescriptor| "FBWorkspace (BackgroundActive)" '
                "ID:32-59-4107 target:1957 attributes:[\n"
                "\t<RBSRunningReasonAttribute| runningReason:10001>,\n"
                "\t<RBSDefineRelativeStartTimeGrant>,\n"
                "\t<RBSGPUAccessGrant>,\n"
                "\t<RBSCPUAccessGrant| role:NonUserInteractive>,\n"
                "\t<RBSJetsamPriorityGrant| priority:Background>,\n"
                "\t<RBSResistTerminationGrant| terminationResistance:NonInteractive>\n"
                "\t]>",
                "rb_assertion_acquiring",
            ),
            # §11.7 step 6 (inferred form): nsurlsessiond's wake assertion on iOS 13+
            (
                RB,
                f"Acquiring assertion targeting {ID} from originator "
                "[daemon<com.apple.nsurlsessiond>"
                ':94] with description <RBSAssertionDescriptor| "com.apple.nsurlsessiond.'
                f'handlesession {S}" ID:32-94-4200 target:1957 attributes:[\n'
                '\t<RBSDomainAttribute| domain:"com.apple.cfnetwork" name:"BackgroundDownload" '
                'sourceEnvironment:"(null)">\n'
                "\t]>",
                "rb_assertion_acquiring",
            ),
        ],
        "`<RBSRunningReasonAttribute\\| runningReaso": [
            (
                RB,
                "Acquiring assertion targeting application<com.elsystm.elsystm> from originator "
                "[daemon<com.apple.SpringBoard>:59] with description <RBSAssertionDescriptor| "
                '"FBApplicationProcess" ID:32-59-4103 target:application<com.elsystm.elsystm> '
                "attributes:[\n\t<RBSRunningReasonAttribute| runningReason:10000>,\n\t]>",
                "rb_assertion_acquiring",
            ),
        ],
        "`Assertion <id> (target:<t>) will be creat": [
            (
                RB,
                "Assertion 32-59-4107 (target:[application<com.elsystm.elsystm>:1957]) will be "
                "created as active",
                "rb_assertion_created",
            ),
            (
                RB,
                "Assertion 34-24240-546990 (target:[application<com.brave.ios.browser>:24240]) "
                "will "
                "be created as inactive as start-time-defining assertions exist",
                "rb_assertion_created",
            ),
        ],
        "`Finished acquiring assertion <id> (target": [
            (
                RB,
                "Finished acquiring assertion 32-59-4103 (target:application<com.elsystm.elsystm>)",
                "rb_assertion_acquired",
            ),
        ],
        "`Invalidating assertion <id> (target:<t>) ": [
            (
                RB,
                "Invalidating assertion 209-114-32508 (target:[app<application.com.apple."
                "systempreferences.1152921500311955177.1152921500311955182(501)>:29611]) from "
                "originator [daemon<com.apple.coreservices.launchservicesd>:114]",
                "rb_assertion_invalidated",
            ),
        ],
        "`Executing launch request for <id> (<expla": [
            (
                RB,
                "Executing launch request for application<com.elsystm.elsystm> "
                "(FBApplicationProcess)",
                "rb_launch_request",
            ),
            (
                RB,
                "Creating and launching job for: application<com.elsystm.elsystm>",
                "rb_launch_job",
            ),
        ],
        "`Setting client for <id> as ready`": [
            (
                RB,
                "Setting client for "
                "[app<com.hightowerai.MobileJarvisNative(BED36376-5A4B-42A9-9620-"
                "6AE0BC5F0283)>:1766] as ready",
                "rb_client_ready",
            ),
        ],
        "`Calculated state for <id>: running-active": [
            (
                RB,
                "Calculated state for application<com.elsystm.elsystm>: running-active (role: "
                "Background)",
                "rb_state",
            ),
            (
                RB,
                "Calculated state for application<com.elsystm.elsystm>: running-suspended (role: "
                "None)",
                "rb_state",
            ),
            (
                RB,
                "Calculated state for "
                "xpcservice<com.apple.WebKit.WebContent([application<com.xxx.xxx>"
                ":716])>:717: none (role: None)",
                "rb_state",
            ),
        ],
        "`[<id>] Set jetsam priority to <n> [<h>] f": [
            (RB, f"{ID} Set jetsam priority to 3 [0] flag[1]", "rb_priority"),
            (RB, f"{ID} Set darwin role to: NonUserInteractive", "rb_priority"),
            (RB, f'{ID} Set GPU priority to "allow"', "rb_priority"),
        ],
        "`[<id>] Suspending task.` / `[<id>] Resumi": [
            (RB, f"{ID} Suspending task.", "rb_suspend"),
            (RB, f"{ID} Resuming task.", "rb_resume"),
        ],
        "`Received termination request from <o> on": [
            (
                RB,
                "Received termination request from [osservice<com.apple.dasd>:76] on "
                "<RBSProcessPredicate <RBSProcessHandlePredicateImpl| app<com.myapp.bundleid() "
                "with "
                "context <RBSTerminateContext| explanation:BG Kill Demo",
                "rb_termination_request",
            ),
        ],
        "`Executing termination request for: <pred": [
            (
                RB,
                "Executing termination request for: <RBSProcessPredicate "
                '<RBSProcessBundleIdentifierPredicate "br.paker.Calendr">>',
                "rb_termination_executing",
            ),
        ],
        "`[<id>] Terminating with context: <RBSTerm": [
            (
                RB,
                f"{ID} Terminating with context: <RBSTerminateContext| domain:15 code:0x2182BAD2 "
                "explanation:Shared Background Assertion 3 for com.elsystm.elsystm "
                "reportType:CrashLog "
                "maxTerminationResistance:Interactive>",
                "rb_terminating",
            ),
            (RB, f"{ID} terminate_with_reason() success", "rb_terminate_success"),
        ],
        "`[<id>] termination reported by launchd (": [
            (
                RB,
                "[app<com.example.app((null))>:6256] termination reported by launchd (2, 5, 5)",
                "rb_termination_reported",
            ),
        ],
        "`[<id>] exited with context <RBSProcessExi": [
            (
                RB,
                "[app<com.zhien.zenagent.ZenAgent>:6766] exited with context "
                "<RBSProcessExitContext| "
                "status:<RBSProcessExitStatus| domain:signal(2) code:SIGPIPE(13)>>",
                "rb_exit_context",
            ),
        ],
        "`Removing process: <id>`, `Removing assert": [
            (RB, "Removing process: [application<com.AppCo.MyApp>:432]", "rb_process_removed"),
            (RB, f"Removing assertions for terminated process: {ID}", "rb_process_removed"),
            (RB, f"Removing launch job for: {ID}", "rb_process_removed"),
            (RB, f"Removed job for {ID}", "rb_process_removed"),
            (
                RB,
                f"Removed last relative-start-date-defining assertion for process {ID}",
                "rb_process_removed",
            ),
        ],
        "`Released power assertion with ID <n>`, `p": [
            (RB, "Released power assertion with ID 34565", "rb_bookkeeping"),
            (RB, "processStartTime calculated start is 2026-06-22 01:18:42", "rb_bookkeeping"),
            (
                "Runner",
                "Hit the server for a process handle 3d5627d00002067 that resolved to: "
                "[application<app.alextran.immich>:8295]",
                "rb_process_handle",
            ),
        ],
        # ---- §11.4 SpringBoard / FrontBoard ----
        "`[FBSystemService][0x<h>] Received request": [
            (
                SB,
                f'[FBSystemService][0xc652] Received request to open "{DEMO}" from '
                "nsurlsessiond:94.",
                "fb_open_request",
            ),
            (
                SB,
                f'Received trusted open application request for "{DEMO}" from <FBProcess: '
                "0x28396e370; nsurlsessiond; pid: 94>.",
                "fb_open_request",
            ),
            (
                SB,
                "Executing request: <SBMainWorkspaceTransitionRequest: 0x28245b380; eventLabel: "
                f"OpenApplication({DEMO})ForRequester(nsurlsessiond.94); display: Main; source : "
                "FBSystemService>",
                "fb_executing_request",
            ),
            (
                SB,
                f"Executing suspended-activation immediately: OpenApplication({DEMO})"
                "ForRequester(nsurlsessiond.94)",
                "fb_suspended_activation",
            ),
            (SB, f"Bootstrapping {DEMO} with intent background", "fb_bootstrapping"),
        ],
        "`Application process state changed for <b": [
            (
                SB,
                "Application process state changed for pl.samy.nsurl-request: "
                "<SBApplicationProcessState: "
                "0x1c5027ca0; pid: 897; taskState: Running; visibility: Unknown>",
                "fb_process_state",
            ),
        ],
        "`[<id>] Setting process task state to: Ru": [
            (
                SB,
                "[application<com.AppCo.MyApp>:432] Setting process task state to: Running",
                "fb_task_state",
            ),
            (
                SB,
                "[application<com.AppCo.MyApp>:432] Setting process visibility to: Foreground",
                "fb_visibility",
            ),
            (
                SB,
                "[app<com.AppCo.MyApp>:432] Setting process visibility to: Background",
                "fb_visibility",
            ),
        ],
        "`[<id>] Bootstrap success!`": [
            (SB, "[application<com.AppCo.MyApp>:432] Bootstrap success!", "fb_bootstrap_success"),
        ],
        "`[app<bundle>:<pid>] Connection establish": [
            (
                SB,
                "[app<com.hightowerai.MobileJarvisNative>:1766] Connection established.",
                "fb_connected",
            ),
            (
                SB,
                "[app<com.hightowerai.MobileJarvisNative>:1766] Connection to remote process "
                "established!",
                "fb_connected",
            ),
            (
                SB,
                "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] "
                "Sending scene action [Logical Activate][0x5c2e] to process 0x86a491980 (watchdog: "
                "19.96s)",
                "fb_connected",
            ),
            (
                SB,
                "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] "
                "Sending scene create.",
                "fb_connected",
            ),
        ],
        "`[<id>] Process exited: <RBSProcessExitCon": [
            (
                SB,
                "[app<com.boardsesh.app>:85886] Process exited: <RBSProcessExitContext| "
                "voluntary>.",
                "fb_process_exited",
            ),
            (
                SB,
                "[app<com.boardsesh.app>:85886] Process exited: <RBSProcessExitContext| specific, "
                "status:<RBSProcessExitStatus| domain:signal(2) code:SIGKILL(9)>>.",
                "fb_process_exited",
            ),
            (
                SB,
                "[application<com.AppCo.MyApp>:432] Process exited: <FBProcessExitContext; "
                "watchdog "
                '("watchdog provision violated")>.',
                "fb_process_exited",
            ),
        ],
        "`[<id>] Invalidating workspace.`, `Removin": [
            (
                SB,
                "[application<com.AppCo.MyApp>:432] Invalidating workspace.",
                "fb_workspace_cleanup",
            ),
            (
                SB,
                "Removing workspace registration for processHandle: "
                "[application<com.AppCo.MyApp>:432]",
                "fb_workspace_cleanup",
            ),
            (
                SB,
                "Removing: <FBApplicationProcess: 0x10a0b8e80; "
                "application<com.AppCo.MyApp>:432(v5)>",
                "fb_workspace_cleanup",
            ),
        ],
        "`[<bundle>] <bundle> application state ch": [
            (
                SB,
                "[com.AppCo.MyApp] com.AppCo.MyApp application state changed to Terminated",
                "fb_app_terminated",
            ),
        ],
        "`[<bundle>] Setting deactivation reasons t": [
            (
                SB,
                "[pl.samy.nsurl-request] Setting deactivation reasons to: '(none)' for reason: "
                "updateAllScenesForBand - Assertion removed.",
                "fb_deactivation",
            ),
        ],
        # ---- §11.5 UIKit and assertiond ----
        "`… _UIApplicationBeginBackgroundTaskWithEx": [
            (
                APP,
                "UIBackgroundTaskIdentifier "
                "_UIApplicationBeginBackgroundTaskWithExpirationHandler(void "
                "(^__strong _Nullable)(void), NSString *__strong _Nullable): Will add "
                "backgroundTask "
                "with taskName: GDTCCTUploader-upload, expirationHandler: <__NSMallocBlock__: "
                "0x60000177ad80>",
                "ui_bg_task_begin",
            ),
        ],
        "`Deactivation reason added\\|removed: <r>; ": [
            (
                APP,
                "Deactivation reason added: 10; deactivation reasons: 0 -> 1024; animating "
                "application lifecycle event: 0",
                "ui_deactivation",
            ),
        ],
        "`App with bundleID:<bundle> is no longer ": [
            (
                APP,
                "App with bundleID:com.sharkda.hootowl is no longer foreground at "
                "time=16742539740355, "
                "attempting to emit telemetry with emission type: HTFGUpdateAppBackgrounded",
                "ui_backgrounded",
            ),
            (APP, "App transitioned to background, suspending HangTracing.", "ui_backgrounded"),
        ],
        "`Will add backgroundTask with taskName: <n": [
            (
                APP,
                "Will add backgroundTask with taskName: com.apple.uikit.applicationSnapshot, "
                "expirationHandler: <__NSMallocBlock__: 0x15154cd20>",
                "ui_bg_task_begin",
            ),
            (
                APP,
                "Created background task <_UIBackgroundTaskInfo: 0x151beb340>: taskID = 19, "
                "taskName = "
                "com.apple.asset_manager.cache_resource_cleanup, creationTime = 697606 (elapsed "
                "= 0).",
                "ui_bg_task_begin",
            ),
            (APP, "Ending background task with UIBackgroundTaskIdentifier: 19", "ui_bg_task_end"),
            (
                APP,
                "Will invalidate assertion: <BKSProcessAssertion: 0x151e2c050> for task "
                "identifier: 19",
                "ui_bg_assertion",
            ),
        ],
        "`<bundle>(<pid>) invalidateConnection (app": [
            (
                APP,
                "com.sharkda.hootowl(40785) invalidateConnection (appDidSuspend)",
                "ui_suspending",
            ),
        ],
        '`[BackgroundTask] Background Task <n> ("<n': [
            (
                APP,
                '[BackgroundTask] Background Task 25 ("Called by OneSignal, from '
                "+[OneSignalLocation "
                'beginTask]"), was created over 30 seconds ago. In applications running in the '
                "background, this creates a risk of termination. Remember to call "
                "UIApplication.endBackgroundTask(_:) for your task in a timely manner to avoid "
                "this.",
                "ui_bg_task_overdue",
            ),
        ],
        "assertiond `[<exe≤15 chars>:<pid>] Add as": [
            (
                AD,
                "[appname:488] Add assertion: <BKProcessAssertion: 0x103140700; id: "
                "488-9494FEEF-04BD-"
                "4F32-A238-BB888642A5A6; name: com.apple.WebKit.ProcessAssertion; state: active; "
                "reason: finishTask; duration: 180.0s> {\n"
                "    owner = <BSProcessHandle: 0x10313dea0; appname:488; valid: YES>;\n"
                "    flags = preventSuspend, preventIdleSleep, preventSuspendOnSleep;\n}",
                "ad_assertion_added",
            ),
        ],
        "assertiond `Sending background permission": [
            (
                AD,
                "[BackgroundDemo:12648] Sending background permission expiration warning!",
                "ad_expiration_warning",
            ),
            (
                AD,
                "[BackgroundDemo:12648] Forcing crash report with description: "
                "BackgroundDemo:12648 "
                "has active assertions beyond permitted time",
                "ad_forcing_crash",
            ),
            (AD, "[BackgroundDemo:12636] Finished crash reporting.", "ad_crash_report_done"),
        ],
        # ---- §11.6 dasd, powerd ----
        "`Received state update for <pid> (app<<bu": [
            (
                "dasd",
                "Received state update for 2933 (app<com.myapp.bundleid(AD9F24FF-321B-48U6-895F-"
                "723CDA943372)>, running-suspended-NotVisible",
                "das_state_update",
            ),
        ],
        "`Running activities : <private>` / `DAS S": [
            ("dasd", "Running activities : <private>", "das_activity"),
            (
                "dasd",
                "DAS Submitted: 0:com.apple.backupd-auto:9015F3 at priority 30 with interval 1800 "
                "(Wed Feb 12 08:05:28 2025 - Wed Feb 12 08:25:28 2025)",
                "das_activity",
            ),
        ],
        "`Process runningboardd.<pid> Released Sys": [
            (
                "powerd",
                'Process runningboardd.34 Released SystemIsActive "application<com.AppCo.MyApp>;'
                '(null):(null);34-63-663:FBApplicationProcess" age:00:00:00  id:51539641574 '
                "[System: SysAct]",
                "powerd_released",
            ),
        ],
    }
)

# Beyond §11: urlsession_rules.md §4 fragments, F-128813 and markers (docs/markers.md)
EXTRA: list[Line] = [
    (NSD, f"Set request delay for {DEMO} to 120.000000", "request_delay_set"),
    (NSD, f"Resetting request delay for {DEMO}", "request_delay_reset"),
    (
        NSD,
        f"Resetting request delay and clearing pending wake requests for {DEMO} since the first "
        "observer is being added",
        "request_delay_reset",
    ),
    (NSD, f"NDSession <{S}> has 0 outstanding tasks", "session_outstanding_tasks"),
    (NSD, f"took assertion for {DEMO}, session <private>, uuid {S}", "wake_assertion_taken"),
    (
        NSD,
        f"We already have an assertion for bundleID: {DEMO}, sessionID: <private>",
        "wake_assertion_taken",
    ),
    (NSD, f"Failed to take process assertion for {DEMO}", "wake_failed"),
    (NSD, f"Couldn't create process assertion for {DEMO} (<private>)", "wake_failed"),
    (NSD, f"looking for background session {SID} for bundle id {DEMO}", "wake_lookup"),
    (NSD, f"looking for background task completion for bundle id {DEMO}", "wake_lookup"),
    (
        NSD,
        f"Taking assertion with name com.apple.nsurlsessiond.handlesession {S} for bundle id "
        f"{DEMO}",
        "wake_assertion_note",
    ),
    (
        NSD,
        f"NDSession <{S}>.<{B}>.<{SID}>: already has a connected client, returning nil proxy "
        "object to client",
        "session_already_connected",
    ),
    (NSD, f"NDSession <{S}> Client {B} is a SpringBoard application", "client_kind"),
    (NSD, f"NDSession <{S}> Client {B} is a daemon or non-SpringBoard application", "client_kind"),
    (
        NSD,
        f"NDSession <{S}> {T} using proposed request since the client application is not running "
        "and doesn 't support wakes",
        "task_proposed_request",
    ),
    (
        APP,
        f"A background URLSession with identifier {SID} already exists!",
        "duplicate_session_warning",
    ),
    (
        APP,
        "Warning: Application delegate received call to -application:handleEventsForBackground"
        "URLSession:completionHandler: but the completion handler was never called.",
        "handler_never_called_warning",
    ),
    (
        APP,
        "Upload tasks from NSData are not supported in background sessions.",
        "upload_from_data_exception",
    ),
    (APP, "Upload tasks in background sessions must be from a file", "upload_from_data_exception"),
    (
        APP,
        "Completion handler blocks are not supported in background sessions. Use a delegate "
        "instead.",
        "completion_blocks_exception",
    ),
    (APP, "Task created in a session that has been invalidated", "invalidated_session_exception"),
    (
        APP,
        "*** Terminating app due to uncaught exception 'NSGenericException', reason: 'Completion "
        "handler blocks are not supported in background sessions. Use a delegate instead.'",
        "completion_blocks_exception",
    ),
    (
        SB,
        "[osservice<com.weto.app>:5877] Process exited: <RBSProcessExitContext| specific, "
        "status:<RBSProcessExitStatus| domain:signal(2) code:SIGTERM(15)>>",
        "fb_process_exited",
    ),
    (APP, "TVMARK v1 session.create id=com.example.upload", "marker"),
    (APP, "TVMARK v1 handleEvents.completion.called id=com.example.upload", "marker"),
    (
        AD,
        "[BackgroundDemo:12648] Setting up BG permission check timer for 30s",
        "ad_permission_timer",
    ),
    (
        AD,
        "[BackgroundDemo:12648] Mutating assertion reason from finishTask to "
        "finishTaskAfterBackgroundDownload",
        "ad_assertion_mutated",
    ),
    (
        AD,
        "[BackgroundBacku:576] Activate assertion: <BKProcessAssertion: 0x104ac1170; "
        '"com.apple.das.backgroundFetch" (backgroundContentFetching:30s); id:…63276FDA2A64>',
        "ad_assertion_activated",
    ),
    (AD, "[mynimx:5529] Setting jetsam priority to 3 [0x100]", "ad_bookkeeping"),
    (
        RB,
        "[app<com.example.app((null))>:6256] Ignoring GPU update because this process is not GPU "
        "managed",
        "rb_priority",
    ),
    (
        RB,
        "Launch request for app<application.com.abhishek.Clocker.4425635010.4425635189(501)> is "
        "using uid 501 (divined from auid 501 euid 501)",
        "rb_bookkeeping",
    ),
    (
        RB,
        "Resolved pid 24242 to [xpcservice<com.apple.WebKit.WebContent([application<com.brave.ios."
        "browser>:24240])>:24242:24242]",
        "rb_bookkeeping",
    ),
    (
        APP,
        "Incrementing reference count for background assertion <BKSProcessAssertion: 0x151e2c050>",
        "ui_bg_assertion",
    ),
]


def all_lines() -> list[Line]:
    return [line for lines in CHECKLIST.values() for line in lines] + EXTRA
