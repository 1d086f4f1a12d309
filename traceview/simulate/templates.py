# ruff: noqa: E501
"""Every message wording the simulator writes, with the real line it comes from.

One row per template: the template (``${name}`` marks a variable part), the section of the
reference it comes from, and the verbatim text there (a real line, a §10 decompiled format
string, or a §11 template cell where the observed line itself is not reproduced). A test
checks each ``source`` appears verbatim in the reference file and that every rendered
message matches one template's pattern, so no invented Apple wording can slip in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

REAL_LINES = "real_lines.md"
RULES = "urlsession_rules.md"


@dataclass(frozen=True)
class Template:
    key: str
    text: str  # message with ${name} placeholders
    section: str  # where in the reference file
    source: str  # verbatim text in that file the template was made from
    doc: str = REAL_LINES

    def fill(self, **values: object) -> str:
        def value(match: re.Match[str]) -> str:
            return str(values[match.group(1)])

        return _PLACEHOLDER.sub(value, self.text)

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.text)


_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


@cache
def _pattern(text: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(text)
    # split() alternates literal text and placeholder names.
    regex = "".join(re.escape(p) if i % 2 == 0 else ".*?" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


T = Template
# fmt: off
_TABLE: tuple[Template, ...] = (
    # --- nsurlsessiond: sessions -------------------------------------------------------
    T("d.create_session", "Creating session with identifier: ${sid} for bundle id: ${bundle}",
      "1.6", "Creating session with identifier: com.bbflight.background_downloader.Downloader for bundle id: chat.glib.groupchat.stage"),
    T("d.session_is_for",
      "NDSession <${S}> Session <${S}> is for <${bundle}>.<${sid}> using resource timeout: ${timeout}, request timeout: 60.000000 allowsCellularAccess: ${cell}, allowsExpensiveAccess: 1, _sourceApplicationBundleIdentifier: (null), _sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1",
      "1.6", "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> Session <585CDBB1-9CD2-4150-AFCF-109678004019> is for <chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader> using resource timeout: 14400.000000, request timeout: 60.000000 allowsCellularAccess: 1, allowsExpensiveAccess: 1, _sourceApplicationBundleIdentifier: (null), _sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1"),
    T("d.client_active", "NDSession <${S}> client ${bundle} is active result (Y), XPC(Y) proxy(Y) for ${sid}",
      "1.6", "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> client chat.glib.groupchat.stage is active result (Y), XPC(Y) proxy(Y) for com.bbflight.background_downloader.Downloader"),
    T("d.client_disconnected", "NDSession <${S}> client ${bundle} disconnected, XPC(${yn}) proxy(${yn}) for ${sid}",
      "1.6", "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> client chat.glib.groupchat.stage disconnected, XPC(N) proxy(N) for com.bbflight.background_downloader.Downloader"),
    T("d.lost_connection", "NDSession <${S}>.<${bundle}>.<${sid}> Lost connection to app -- connection invalidated",
      "1.6", "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019>.<chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader> Lost connection to app -- connection invalidated"),
    T("d.removing_session", "NDSession <${S}>.<${bundle}>.<${sid}>: removing session",
      "1.6", "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019>.<chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader>: removing session"),
    # --- nsurlsessiond: tasks -----------------------------------------------------------
    T("d.upload_task", "Task <${T}>.<${n}> uploadTaskWithRequest: <private> fromFile: <private>",
      "1.8", "Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> uploadTaskWithRequest: <private> fromFile: <private>"),
    T("d.task_is_for", "Task <${T}>.<${n}> is for <${bundle}>.<${sid}>.<${n}>",
      "1.6", "Task <32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1>.<1> is for <chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader>.<1>"),
    T("d.enqueueing", "Task <${T}>.<${n}> enqueueing",
      "1.2", "Task <A7D74A8B-C310-49FE-AE38-06832BB16E9E>.<1541> enqueueing"),
    T("d.resume_with_identifier", "Task <${T}>.<${n}> resumeTaskWithIdentifier, props <private>",
      "1.1", "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> resumeTaskWithIdentifier, props <private>"),
    T("d.resuming_qos", "Task <${T}>.<${n}> resuming, QOS(0x${qos})",
      "1.1", "nsurlsessiond	Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> resuming, QOS(0x9)"),
    T("d.resuming", "Task <${T}>.<${n}> resuming",
      "1.8", "Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> resuming\n"),
    T("d.no_begin_delay", "Task <${T}>.<${n}> has not requested a begin delay",
      "1.1", "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> has not requested a begin delay"),
    T("d.skipping_delayed", "Task <${T}>.<${n}> skipping delayed request callback - delegate not implemented",
      "1.1", "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> skipping delayed request callback - delegate not implemented"),
    T("d.will_begin", "Task <${T}>.<${n}> will begin",
      "1.1", "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> will begin"),
    T("d.ats", "Task <${T}>.<${n}> {strength 1, tls 8, ct 0, sub 0, sig 0, ciphers 1, bundle 0, builtin 0}",
      "1.1", "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> {strength 1, tls 8, ct 0, sub 0, sig 0, ciphers 1, bundle 0, builtin 0}"),
    T("d.tic_tcp", "TIC TCP [0x0] working for task <private>", "1.1", "TIC TCP [0x0] working for task <private>"),
    T("d.connection",
      "[C${c} Hostname #${h}:443 tcp, bundle id: ${bundle}, url hash: ${uh}, traffic class: 100, tls, indefinite] ${what}",
      "1.10 B", "[C3794 Hostname #aca88929:443 tcp, bundle id: com.mycompany.backgrounddemo, url hash: 8f857432, traffic class: 100, tls, indefinite] start"),
    T("d.did_receive_data", "NDSession <${S}> Task <${T}>.<${n}> did receive data (${x} of ${y} total bytes)",
      "1.9", "NDSession <7E18A208-B0F3-400D-916E-AD844AF190F2> Task <5331FB72-769E-4B22-8EDF-3D4944B1970A>.<5> did receive data (629823296 of 1953496076 total bytes)"),
    T("d.powerlog", "Triggering periodic update to powerlog for client <private>",
      "1.5", "Triggering periodic update to powerlog for client <private>"),
    T("d.debugged", "Current discretionary status for <private> is non-discretionary, since the app is being debugged",
      "1.2", "Current discretionary status for <private> is non-discretionary, since the app is being debugged"),
    # §1.4 (the daemon completion capture) is summarised in §11.1 only; the cells are the source.
    T("d.did_receive_response", "Task <${T}>.<${n}> didReceiveResponse: <private>, status code: ${http}",
      "11.1", "`Task <T>.<n> didReceiveResponse: <private>, status code: <http>`"),
    T("d.became_download", "Task <${T}>.<${n}> became download task", "11.1", "`Task <T>.<n> became download task`"),
    T("d.finished_downloading", "Task <${T}>.<${n}> finished downloading to <private>",
      "11.1", "`Task <T>.<n> finished downloading to <private>`"),
    T("d.completed_ok", "Task <${T}>.<${n}> completed with error (null) [0]",
      "11.1", "`Task <T>.<n> completed with error (null) [0]`"),
    T("d.completed_successfully", "Task <${T}>.<${n}> for client <private> completed successfully",
      "11.1", "`Task <T>.<n> for client <private> completed successfully`"),
    T("d.log_task_error",
      "Task <${T}>.<${n}> logTaskError isDownload = ${dl} bytesReceived = ${rx} bytesSent = ${tx} isRecoverable = N",
      "11.1", "`Task <T>.<n> logTaskError isDownload = Y\\|N bytesReceived = N bytesSent = N isRecoverable = Y\\|N`"),
    T("d.ack_completion", "Task <${T}>.<${n}> client acknowledged completion",
      "11.1", "`Task <T>.<n> client acknowledged file download` / `… client acknowledged completion`"),
    T("d.ack_file", "Task <${T}>.<${n}> client acknowledged file download",
      "11.1", "`Task <T>.<n> client acknowledged file download`"),
    # --- nsurlsessiond: waking the app ---------------------------------------------------
    T("d.open_request_ios12", '[FBSSystemService][0x${h}] Sending request to open "${bundle}"',
      "1.10 C", '[FBSSystemService][0xc652] Sending request to open "com.mycompany.backgrounddemo"'),
    T("d.will_request_wake", "Will request wake of app ${bundle} for NDSession <${S}> with identifier ${sid}",
      "10.1", "Will request wake of app %{public}@ for NDSession <%{public}@> with identifier %@"),
    T("d.woke", "Successfully woke application ${bundle} and took process assertion",
      "10.1", "Successfully woke application %{public}@ and took process assertion"),
    T("d.invalidating_assertion", "Invalidating assertion for bundleID: ${bundle}. sessionID: ${sid}",
      "10.1", "Invalidating assertion for bundleID: %{public}@. sessionID: %@"),
    T("d.set_request_delay", "Set request delay for ${bundle} to ${delay}",
      "4", "`Set request delay for <bundle> to 60.000000`", RULES),
    T("d.reset_request_delay", "Resetting request delay for ${bundle}", "10.1", "`Resetting request delay for %@`"),
    # --- CFNetwork in the app ------------------------------------------------------------
    T("a.session_setup",
      "BackgroundSession <${S}> background session setup will wait for reply: session <__NSURLBackgroundSession: 0x${p}> with identifier ${sid}",
      "2.1", "BackgroundSession <B69433D1-43A2-4B9F-B85F-DA0FF60A4511> background session setup will wait for reply: session <__NSURLBackgroundSession: 0x10f23e5c0> with identifier com.bbflight.background_downloader.Downloader"),
    T("a.resuming_ios12", "Task <${T}>.<${n}> resuming, QOS(0x9)",
      "1.1", "BackgroundBackup	Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> resuming, QOS(0x9)"),
    T("a.resuming_ios15", "Task <${T}>.<${n}> resuming, timeouts(60.0, ${res}) QOS(0x19) Voucher <private>",
      "11.2", "`… resuming, timeouts(<req>, <res>) QOS(0x<h>) Voucher <private>` (iOS 15)"),
    T("a.resuming_recent",
      "Task <${T}>.<${n}> resuming, timeouts(60.0, ${res}) qos(0x21) voucher((null)) activity(00000000-0000-0000-0000-000000000000)",
      "2.2", "Task <CD3ED53A-9F3C-4D80-ADDA-6E969A34BF66>.<9> resuming, timeouts(5.0, 604800.0) qos(0x21) voucher((null)) activity(00000000-0000-0000-0000-000000000000)"),
    T("a.summary_success",
      'Task <${T}>.<${n}> summary for task success {transaction_duration_ms=${ms}, response_status=${http}, connection=${c}, protocol="http/1.1", request_bytes=${tx}, response_bytes=${rx}, cache_hit=false}',
      "2.5", 'Task <10B2F1BA-8C9E-4877-80D2-994F1C3ED74A>.<1> summary for task success {transaction_duration_ms=11, response_status=200, connection=9, protocol="http/1.1", request_bytes=221, response_bytes=1214, cache_hit=true}'),
    T("a.summary_failure",
      "Task <${T}>.<${n}> summary for task failure {transaction_duration_ms=${ms}, response_status=-1, connection=${c}, reused=1, reused_after_ms=0, request_start_ms=385, request_duration_ms=0, response_start_ms=0, response_duration_ms=0, request_bytes=${tx}, response_bytes=0, cache_hit=false}",
      "2.4", "Task <F4C81D9D-7B11-45F6-A92D-A354A9D00520>.<109> summary for task failure {transaction_duration_ms=535, response_status=-1, connection=3, reused=1, reused_after_ms=0, request_start_ms=385, request_duration_ms=0, response_start_ms=0, response_duration_ms=0, request_bytes=23, response_bytes=0, cache_hit=false}"),
    T("a.finished_successfully", "Task <${T}>.<${n}> finished successfully",
      "2.2", "Task <10FF4858-9F5E-413B-98DC-692D754F3B42>.<1> finished successfully"),
    T("a.finished_error_related",
      'Task <${T}>.<${n}> finished with error [${code}] Error Domain=NSURLErrorDomain Code=${code} "${desc}" UserInfo={${reason}NSErrorFailingURLStringKey=${url}, NSErrorFailingURLKey=${url}, _NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "Background${K}Task <${T}>.<${n}>",\n    "Local${K}Task <${T}>.<${n}>"\n), _NSURLErrorFailingURLSessionTaskErrorKey=Background${K}Task <${T}>.<${n}>, NSLocalizedDescription=${desc}}',
      "2.7", 'Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" UserInfo={NSErrorFailingURLStringKey=https://api.openai.com/v1/chat/completions, NSErrorFailingURLKey=https://api.openai.com/v1/chat/completions, _NSURLErrorRelatedURLSessionTaskErrorKey=('),
    T("a.finished_error_stream",
      "Task <${T}>.<${n}> finished with error [${code}] Error Domain=NSURLErrorDomain Code=${code} UserInfo={_kCFStreamErrorCodeKey=57, NSUnderlyingError=0x${p} {Error Domain=kCFErrorDomainCFNetwork Code=${code} UserInfo={NSErrorPeerAddressKey=<private>, _kCFStreamErrorCodeKey=57, _kCFStreamErrorDomainKey=1}}, _NSURLErrorFailingURLSessionTaskErrorKey=<private>, _NSURLErrorRelatedURLSessionTaskErrorKey=<private>, NSLocalizedDescription=<private>, NSErrorFailingURLStringKey=<private>, NSErrorFailingURLKey=<private>, _kCFStreamErrorDomainKey=1}",
      "2.4", "Task <F4C81D9D-7B11-45F6-A92D-A354A9D00520>.<109> finished with error [-1005] Error Domain=NSURLErrorDomain Code=-1005 UserInfo={_kCFStreamErrorCodeKey=57, NSUnderlyingError=0x3037173c0 {Error Domain=kCFErrorDomainCFNetwork Code=-1005 UserInfo={NSErrorPeerAddressKey=<private>, _kCFStreamErrorCodeKey=57, _kCFStreamErrorDomainKey=1}}, _NSURLErrorFailingURLSessionTaskErrorKey=<private>, _NSURLErrorRelatedURLSessionTaskErrorKey=<private>, NSLocalizedDescription=<private>, NSErrorFailingURLStringKey=<private>, NSErrorFailingURLKey=<private>, _kCFStreamErrorDomainKey=1}"),
    T("a.load_failed_ios12",
      'Task <${T}>.<${n}> load failed with error Error Domain=NSURLErrorDomain Code=${code} "(null)" UserInfo={${reason}_NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "Background${K}Task <${T}>.<${n}>",\n    "Local${K}Task <${T}>.<${n}>"\n), _NSURLErrorFailingURLSessionTaskErrorKey=Background${K}Task <${T}>.<${n}>} [${code}]',
      "2.7", 'Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0, '),
    T("a.finished_code_ios12", "Task <${T}>.<${n}> finished with error - code: ${code}",
      "2.7", "Task <F4F00CED-2D6C-4955-B8AC-60843155F10B>.<4> finished with error - code: -999"),
    # --- app: exceptions and warnings quoted in urlsession_rules.md §4 --------------------
    T("a.duplicate_identifier", "A background URLSession with identifier ${sid} already exists!",
      "4", "`A background URLSession with identifier <id> already exists!`", RULES),
    T("a.upload_from_data", "'Upload tasks from NSData are not supported in background sessions.'",
      "4", "`'Upload tasks from NSData are not supported in background sessions.'`", RULES),
    # --- UIKit in the app ----------------------------------------------------------------
    T("u.deactivation",
      "Deactivation reason ${verb}: ${r}; deactivation reasons: ${a} -> ${b}; animating application lifecycle event: ${e}",
      "5.4", "Deactivation reason added: 12; deactivation reasons: 1 -> 4097; animating application lifecycle event: 1"),
    T("u.transitioned", "App transitioned to background, suspending HangTracing.",
      "5.4", "App transitioned to background, suspending HangTracing."),
    T("u.no_longer_foreground",
      "App with bundleID:${bundle} is no longer foreground at time=${mach}, attempting to emit telemetry with emission type: HTFGUpdateAppBackgrounded",
      "5.4", "is no longer foreground at time=16742539740355, attempting to emit telemetry with emission type: HTFGUpdateAppBackgrounded"),
    T("u.app_did_suspend", "${bundle}(${pid}) invalidateConnection (appDidSuspend)",
      "5.4", "com.sharkda.hootowl(40785) invalidateConnection (appDidSuspend)"),
    T("u.will_add_bg_task",
      "UIBackgroundTaskIdentifier _UIApplicationBeginBackgroundTaskWithExpirationHandler(void (^__strong _Nullable)(void), NSString *__strong _Nullable): Will add backgroundTask with taskName: ${name}, expirationHandler: <__NSMallocBlock__: 0x${p}>",
      "5.1", "UIBackgroundTaskIdentifier _UIApplicationBeginBackgroundTaskWithExpirationHandler(void (^__strong _Nullable)(void), NSString *__strong _Nullable): Will add backgroundTask with taskName: GDTCCTUploader-upload, expirationHandler: <__NSMallocBlock__: 0x60000177ad80>"),
    T("u.created_bg_task",
      "Created background task <_UIBackgroundTaskInfo: 0x${p}>: taskID = ${id}, taskName = ${name}, creationTime = ${ct} (elapsed = 0).",
      "5.4", "Created background task <_UIBackgroundTaskInfo: 0x151beb340>: taskID = 19, taskName = com.apple.asset_manager.cache_resource_cleanup, creationTime = 697606 (elapsed = 0)."),
    T("u.ending_bg_task", "Ending background task with UIBackgroundTaskIdentifier: ${id}",
      "5.4", "Ending background task with UIBackgroundTaskIdentifier: 19"),
    T("u.bg_task_over_30s",
      '[BackgroundTask] Background Task ${id} ("${name}"), was created over 30 seconds ago. In applications running in the background, this creates a risk of termination. Remember to call UIApplication.endBackgroundTask(_:) for your task in a timely manner to avoid this.',
      "5.2", '[BackgroundTask] Background Task 10 ("MobileviewToMobileHTMLConverter"), was created over 30 seconds ago. In applications running in the background, this creates a risk of termination. Remember to call UIApplication.endBackgroundTask(_:) for your task in a timely manner to avoid this.'),
    # --- runningboardd (iOS 13+) -------------------------------------------------------
    T("r.acquire_launch",
      'Acquiring assertion targeting ${target} from originator [daemon<com.apple.SpringBoard>:${sb}] with description <RBSAssertionDescriptor| "FBApplicationProcess" ID:${aid} target:${target} attributes:[\n\t<RBSRunningReasonAttribute| runningReason:10000>,\n\t<RBSPreventIdleSleepGrant>,\n\t<RBSDefineRelativeStartTimeGrant>,\n\t<RBSGPUAccessGrant>,\n\t<RBSCPUAccessGrant| role:${role}>\n\t]>',
      "3.1", 'Acquiring assertion targeting application<com.elsystm.elsystm> from originator [daemon<com.apple.SpringBoard>:59] with description <RBSAssertionDescriptor| "FBApplicationProcess" ID:32-59-4103 target:application<com.elsystm.elsystm> attributes:['),
    T("r.acquire_handlesession",
      'Acquiring assertion targeting ${target} from originator [daemon<com.apple.nsurlsessiond>:${npid}] with description <RBSAssertionDescriptor| "com.apple.nsurlsessiond.handlesession ${sid}" ID:${aid} target:${pid} attributes:[\n\t<RBSDomainAttribute| domain:"com.apple.cfnetwork" name:"BackgroundDownload" sourceEnvironment:"(null)">\n\t]>',
      "3.15", 'Acquiring assertion targeting [app<application.org.p0deje.Maccy.32526940.32526946(501)>:13783] from originator [daemon<com.apple.coreservices.launchservicesd>:86] with description <RBSAssertionDescriptor| "frontmost:13783" ID:179-86-11800 target:13783 attributes:[\n\t<RBSDomainAttribute| domain:"com.apple.launchservicesd" name:"RoleUserInteractiveFocal" sourceEnvironment:"(null)">\n\t]>'),
    T("r.acquire_shared_bg",
      'Acquiring assertion targeting ${target} from originator ${target} with description <RBSAssertionDescriptor| "Shared Background Assertion ${k} for ${bundle}" ID:${aid} target:${pid} attributes:[\n\t<RBSLegacyAttribute| requestedReason:FinishTask reason:FinishTask flags:( PreventTaskSuspend )>,\n\t<RBSAcquisitionCompletionAttribute| policy:AfterValidation>\n\t]>',
      "3.14", 'Acquiring assertion targeting [application<com.brave.ios.browser>:24240] from originator [application<com.brave.ios.browser>:24240] with description <RBSAssertionDescriptor| "Shared Background Assertion 7 for com.brave.ios.browser" ID:34-24240-546990 target:24240 attributes:[\n\t<RBSLegacyAttribute| requestedReason:FinishTask reason:FinishTask flags:( PreventTaskSuspend )>,\n\t<RBSAcquisitionCompletionAttribute| policy:AfterValidation>\n\t]>'),
    T("r.will_be_created", "Assertion ${aid} (target:${target}) will be created as active",
      "3.1", "Assertion 32-59-4103 (target:application<com.elsystm.elsystm>) will be created as active"),
    T("r.executing_launch", "Executing launch request for ${target} (FBApplicationProcess)",
      "3.1", "Executing launch request for application<com.elsystm.elsystm> (FBApplicationProcess)"),
    T("r.creating_job", "Creating and launching job for: ${target}",
      "3.1", "Creating and launching job for: application<com.elsystm.elsystm>"),
    T("r.finished_acquiring", "Finished acquiring assertion ${aid} (target:${target})",
      "3.1", "Finished acquiring assertion 32-59-4103 (target:application<com.elsystm.elsystm>)"),
    T("r.client_ready", "Setting client for ${target} as ready",
      "3.17", "Setting client for [app<com.hightowerai.MobileJarvisNative(BED36376-5A4B-42A9-9620-6AE0BC5F0283)>:1766] as ready"),
    T("r.calculated_state", "Calculated state for ${target}: ${state} (role: ${role})",
      "3.1", "Calculated state for application<com.elsystm.elsystm>: running-active (role: Background)"),
    T("r.jetsam_priority", "${target} Set jetsam priority to ${prio} [0] flag[1]",
      "3.1", "[application<com.elsystm.elsystm>:1957] Set jetsam priority to 3 [0] flag[1]"),
    T("r.darwin_role", "${target} Set darwin role to: ${role}",
      "3.1", "[application<com.elsystm.elsystm>:1957] Set darwin role to: NonUserInteractive"),
    T("r.suspending", "${target} Suspending task.", "3.4", ">:721:721] Suspending task."),
    T("r.resuming", "${target} Resuming task.", "11.3", "`[<id>] Suspending task.` / `[<id>] Resuming task.`"),
    T("r.invalidating", "Invalidating assertion ${aid} (target:${target}) from originator ${origin}",
      "3.14", "Invalidating assertion 34-24240-546989 (target:[application<com.brave.ios.browser>:24240]) from originator [application<com.brave.ios.browser>:24240]"),
    T("r.terminating",
      "${target} Terminating with context: <RBSTerminateContext| code:${code} explanation:${why} reportType:None maxTerminationResistance:NonInteractive>",
      "10.4", "%{public}@ Terminating with context: %{public}@"),
    T("r.terminate_success", "${target} terminate_with_reason() success",
      "11.3", "`[<id>] Terminating with context: <RBSTerminateContext\\| …>` → `[<id>] terminate_with_reason() success`"),
    T("r.termination_reported", "${target} termination reported by launchd (${ns}, ${code}, ${status})",
      "3.3", "[application<com.AppCo.MyApp>:432] termination reported by launchd (2, 10, 10)"),
    T("r.removing_process", "Removing process: ${target}",
      "3.3", "Removing process: [application<com.AppCo.MyApp>:432]"),
    # --- SpringBoard / FrontBoard --------------------------------------------------------
    T("s.received_open", '[FBSystemService][0x${h}] Received request to open "${bundle}" from nsurlsessiond:${npid}.',
      "1.10 C", '[FBSystemService][0xc652] Received request to open "com.mycompany.backgrounddemo" from nsurlsessiond:94.'),
    T("s.trusted_open",
      'Received trusted open application request for "${bundle}" from <FBProcess: 0x${p}; nsurlsessiond; pid: ${npid}>.',
      "1.10 C", 'Received trusted open application request for "com.mycompany.backgrounddemo" from <FBProcess: 0x28396e370; nsurlsessiond; pid: 94>.'),
    T("s.executing_request",
      "Executing request: <SBMainWorkspaceTransitionRequest: 0x${p}; eventLabel: OpenApplication(${bundle})ForRequester(nsurlsessiond.${npid}); display: Main; source : FBSystemService>",
      "1.10 C", "Executing request: <SBMainWorkspaceTransitionRequest: 0x28245b380; eventLabel: OpenApplication(com.mycompany.backgrounddemo)ForRequester(nsurlsessiond.94); display: Main; source : FBSystemService>"),
    T("s.suspended_activation",
      "Executing suspended-activation immediately: OpenApplication(${bundle})ForRequester(nsurlsessiond.${npid})",
      "1.10 C", "Executing suspended-activation immediately: OpenApplication(com.mycompany.backgrounddemo)ForRequester(nsurlsessiond.94)"),
    T("s.bootstrapping", "Bootstrapping ${bundle} with intent background",
      "1.10 C", "Bootstrapping com.mycompany.backgrounddemo with intent background"),
    T("s.process_state",
      "Application process state changed for ${bundle}: <SBApplicationProcessState: 0x${p}; pid: ${pid}; taskState: ${task_state}; visibility: ${vis}>",
      "3.1", "Application process state changed for com.elsystm.elsystm: <SBApplicationProcessState: 0x281a5ea00; pid: 1957; taskState: Running; visibility: Background>"),
    T("s.task_state", "${fb} Setting process task state to: ${state}",
      "3.3", "[application<com.AppCo.MyApp>:432] Setting process task state to: Running"),
    T("s.visibility", "${fb} Setting process visibility to: ${vis}",
      "3.3", "[application<com.AppCo.MyApp>:432] Setting process visibility to: Foreground"),
    T("s.bootstrap_success", "${fb} Bootstrap success!", "11.4", "`[<id>] Bootstrap success!`"),
    T("s.connection_established", "${fb} Connection established.",
      "3.17", "[app<com.hightowerai.MobileJarvisNative>:1766] Connection established."),
    T("s.scene_create", "[0x${p}:(FBSceneManager):sceneID:${bundle}-default] Sending scene create.",
      "3.17", "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] Sending scene create."),
    T("s.process_exited_signal",
      "${fb} Process exited: <RBSProcessExitContext| specific, status:<RBSProcessExitStatus| domain:signal(2) code:${signal}>>.",
      "4.8", "Process exited: <RBSProcessExitContext| specific, status:<RBSProcessExitStatus| domain:signal(2) code:${signal}>>."),
    T("s.state_terminated", "[${bundle}] ${bundle} application state changed to Terminated",
      "3.3", "[com.AppCo.MyApp] com.AppCo.MyApp application state changed to Terminated"),
    # --- assertiond (iOS 12) -----------------------------------------------------------
    T("x.add_handlesession",
      '[${exe}:${pid}] Add assertion: <BKProcessAssertion: 0x${p}; id: ${npid}-${uuid}; name: "com.apple.nsurlsessiond.handlesession ${sid}" ; state: active; reason: backgroundDownload; duration: 30.0s>',
      "1.10 D", '[BackgroundDemo:12648] Add assertion: <BKProcessAssertion: 0x1046029b0; id: 94-679EF71C-A8E3-42E4-B679-DE0D01BDBB0F; name: "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1" ; state: active; reason: backgroundDownload; duration: 30.0s>'),
    T("x.bg_timer", "[${exe}:${pid}] Setting up BG permission check timer for 30s",
      "1.10 A", "[BackgroundDemo:12636] Setting up BG permission check timer for 30s"),
    T("x.jetsam_priority", "[${exe}:${pid}] Setting jetsam priority to 3 [0x44200]",
      "6.1", "[BackgroundBacku:576] Setting jetsam priority to 3 [0x44200]"),
    T("x.expiration_warning", "[${exe}:${pid}] Sending background permission expiration warning!",
      "1.10 A", "[BackgroundDemo:12636] Sending background permission expiration warning!"),
    T("x.forcing_crash_report",
      '[${exe}:${pid}] Forcing crash report with description: ${exe}:${pid} has active assertions beyond permitted time: <BKProcessAssertion: 0x${p}; "com.apple.nsurlsessiond.handlesession ${sid}" (backgroundDownload:30s); id:…${tail}> (owner: nsurlsessiond:${npid})',
      "1.10 A", '[BackgroundDemo:12636] Forcing crash report with description: BackgroundDemo:12636 has active assertions beyond permitted time: <BKProcessAssertion: 0x104273920; "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1" (backgroundDownload:30s); id:…AEB425907B3C> (owner: nsurlsessiond:94)'),
    T("x.task_port", "[${exe}:${pid}] workspaceConnectedWithTaskPortRight: received task port",
      "4.4", "[nsurl-request:897] workspaceConnectedWithTaskPortRight: received task port"),
    T("s.scene_action_ios12", "[${bundle}] Sending scene action [Logical Activate] through WorkspaceServer: 0x${p}",
      "4.5", "[casa.capo.mynimx] Sending scene action [Logical Activate] through WorkspaceServer: 0x6000009b79d0"),
    T("x.finished_crash_reporting", "[${exe}:${pid}] Finished crash reporting.",
      "1.10 A", "[BackgroundDemo:12636] Finished crash reporting."),
    # --- dasd / powerd -------------------------------------------------------------------
    T("p.state_update", "Received state update for ${pid} (app<${bundle}(${persona})>, ${state}",
      "3.10", "dasd Received state update for 2933 (app<com.myapp.bundleid(AD9F24FF-321B-48U6-895F-723CDA943372)>, running-suspended-NotVisible"),
    T("p.released_system_active",
      'Process runningboardd.${rb} Released SystemIsActive "${target};(null):(null);${aid}:FBApplicationProcess" age:00:00:0${age}  id:${n} [System: PrevIdle SysAct]',
      "3.2", 'Process runningboardd.34 Released SystemIsActive "application<app.alextran.immich>;(null):(null);34-66-30700:FBApplicationProcess" age:00:00:01  id:51539643238 [System: PrevIdle SysAct]'),
    # --- app markers (docs/markers.md) ---------------------------------------------------
    T("m.marker", "TVMARK v1 ${event}${keys}", "markers", "TVMARK v1 <event> key=value key=value ...", "markers.md"),
    # --- noise from unrelated processes ------------------------------------------------
    T("n.wifi_stats",
      "__WiFiLQAMgrLogStats(${ssid}:Stationary): Rssi: ${rssi} {${rssi} 0} Channel: ${ch} Bandwidth: 80Mhz Snr: ${snr} Cca: ${cca} (S:0 O:0 I:0) TxPer: 0.0% (${tx}) BcnPer: 0.0% (${bcn}, 50.5%) RxFrms: ${rx} RxRetryFrames: 2 TxRate: 390000 RxRate: 468000 FBRate: 78000 TxFwFrms: 8 TxFwFail: 0 TxReTrans: 2 time: ${secs}secs fgApp: ${fg}",
      "3.2", "__WiFiLQAMgrLogStats(omada:Stationary): Rssi: -67 {-66 0} Channel: 149 Bandwidth: 80Mhz Snr: 21 Cca: 10 (S:0 O:0 I:0) TxPer: 0.0% (36) BcnPer: 0.0% (49, 50.5%) RxFrms: 59 RxRetryFrames: 2 TxRate: 390000 RxRate: 468000 FBRate: 78000 TxFwFrms: 8 TxFwFail: 0 TxReTrans: 2 time: 153.4secs fgApp: app.alextran.immich"),
    T("n.eap", "EAP: eapState=${n}", "8.7", '"eventMessage" : "EAP: eapState=2"'),
    T("n.kauth",
      "action=${action}, uid=501, vp=/Users/${user}/Desktop/${dir}, dvp=<null>, pid=${pid}, pname=${pname}",
      "8.1", "action=READ_ATTRIBUTES, uid=501, vp=/Users/zouquan/Desktop/KauthTest, dvp=<null>, pid=65, pname=mds"),
    T("n.opendirectory",
      "PID: ${pid}, Client: 'dscl', exited with 0 session(s), 0 node(s) and 0 active request(s)",
      "8.2", "PID: 1621, Client: 'dscl', exited with 0 session(s), 0 node(s) and 0 active request(s)"),
    T("n.tunnel",
      "tunnel-${k}: Tunnel established for interface: utun${k}, local fd41:8efc:c0f8::2 -> fd41:8efc:c0f8::1",
      "8.5", "tunnel-1: Tunnel established for interface: utun3, local fd41:8efc:c0f8::2 -> fd41:8efc:c0f8::1"),
    T("n.trust", "cert[${k}]: AnchorTrusted =(leaf)[force]> 0", "8.8", "cert[2]: AnchorTrusted =(leaf)[force]> 0"),
    T("n.heartbeat", "Heartbeat", "3.11", "[com.apple.dt.instruments:heartbeat] Heartbeat"),
    T("n.symptoms", "Entry, display name ${bundle} uuid (null) pid ${pid} isFront ${front}",
      "1.10 B", "Entry, display name com.mycompany.backgrounddemo uuid (null) pid 12636 isFront 0"),
    T("n.cmsession",
      "-CMSessionMgr- CMSessionMgrHandleApplicationStateChange: CMSession: Client ${bundle} with pid '${pid}' is now Foreground Running. Background entitlement: NO",
      "4.4", "-CMSessionMgr- CMSessionMgrHandleApplicationStateChange: CMSession: Client pl.samy.nsurl-request with pid '897' is now Foreground Running. Background entitlement: NO"),
    T("n.airdrop", "Discoverable mode changed from\n               to\n                , posting notification",
      "8.3", "Discoverable mode changed from\n               to\n                , posting notification"),
    T("n.aac",
      "  ACMP4AACBaseDecoder.cpp:310   (0x${p}) Input format:  2 ch,  44100 Hz, aac  (0x00000000) 0 bits/channel, 0 bytes/packet, 1024 frames/packet, 0 bytes/frame",
      "8.9", "ACMP4AACBaseDecoder.cpp:310   (0xabc180e00) Input format:  2 ch,  44100 Hz, aac  (0x00000000) 0 bits"),
    T("n.state_update", "Received state update for ${pid} (app<${bundle}(${persona})>, ${state}",
      "3.10", "locationd Received state update for 2933 (app<com.myapp.bundleid(AD9F24FF-321B-48U6-895F-723CDA943372)>, running-suspended-NotVisible"),
)
# fmt: on
del T

TEMPLATES: dict[str, Template] = {t.key: t for t in _TABLE}


def fill(key: str, **values: object) -> str:
    """The message for template `key` with its variable parts substituted."""
    return TEMPLATES[key].fill(**values)


def matching_template(message: str) -> Template | None:
    """The first template whose pattern matches the whole message (None if invented)."""
    for template in _TABLE:
        if template.pattern.fullmatch(message):
            return template
    return None
