"""Every lifecycle signal traceview recognises: the contract between grammars and reconstruction.

A signal is one recognised message. Its `kind` is a value below; its fields are the columns of
`traceview.schema.SIGNAL_FIELDS`. Add kinds freely; never rename one (reports and tests use them).
"""

from __future__ import annotations

from enum import StrEnum


class SignalKind(StrEnum):
    # --- nsurlsessiond: sessions and clients (real_lines.md §11.1) -----------------------------
    SESSION_CREATED = "session_created"  # Creating session with identifier: <sid> for bundle id: <b>
    SESSION_CONFIGURED = "session_configured"  # NDSession <S> Session <S> is for <<b>>.<<sid>> using ...
    CLIENT_CONNECTED = "client_connected"  # NDSession <S> client <b> is active result (Y), ...
    CLIENT_DISCONNECTED = "client_disconnected"  # NDSession <S> client <b> disconnected, ...
    CLIENT_LOST_CONNECTION = "client_lost_connection"  # ... Lost connection to app -- connection invalidated
    SESSION_REMOVED = "session_removed"  # NDSession <S>.<<b>>.<<sid>>: removing session
    SESSION_OUTSTANDING_TASKS = "session_outstanding_tasks"  # NDSession <S> has N outstanding tasks
    SESSION_ALREADY_CONNECTED = "session_already_connected"  # ..: already has a connected client
    CLIENT_KIND = "client_kind"  # NDSession <S> Client <b> is a SpringBoard application | ..
    TASK_PROPOSED_REQUEST = "task_proposed_request"  # .. not running and doesn't support wakes
    # --- nsurlsessiond: tasks ---------------------------------------------------------------
    TASK_REGISTERED = "task_registered"  # Task <T>.<n> is for <<b>>.<<sid>>.<n>
    TASK_UPLOAD_CREATED = "task_upload_created"  # uploadTaskWithRequest: ... fromFile: ...
    TASK_ENQUEUED = "task_enqueued"  # Task <T>.<n> enqueueing
    TASK_RESUME_REQUESTED = "task_resume_requested"  # resumeTaskWithIdentifier, props ...
    TASK_RESUMING = "task_resuming"  # resuming[, QOS(..)|, timeouts(..) ...] (daemon and app)
    TASK_NO_BEGIN_DELAY = "task_no_begin_delay"  # has not requested a begin delay
    TASK_DELAY_CALLBACK_SKIPPED = "task_delay_callback_skipped"  # skipping delayed request callback
    TASK_WILL_BEGIN = "task_will_begin"  # will begin
    TASK_ATS = "task_ats"  # {strength N, tls N, ...} — network activity for the task began
    TASK_PROGRESS = "task_progress"  # did receive data (x of y total bytes)
    TASK_RESPONSE = "task_response"  # didReceiveResponse: ..., status code: N  (also app "received response, status N")
    TASK_BECAME_DOWNLOAD = "task_became_download"
    TASK_FINISHED_DOWNLOADING = "task_finished_downloading"
    TASK_COMPLETED = "task_completed"  # completed with error (null) [0] | completed with error <d> [code]
    TASK_COMPLETED_FOR_CLIENT = "task_completed_for_client"  # for client <x> completed successfully
    TASK_ERROR_STATS = "task_error_stats"  # logTaskError isDownload = .. bytesReceived = .. bytesSent = ..
    TASK_ACK_COMPLETION = "task_ack_completion"  # client acknowledged completion
    TASK_ACK_DOWNLOAD = "task_ack_download"  # client acknowledged file download
    TASK_LEGACY_COMPLETED = "task_legacy_completed"  # Task <n> for client <CFString ..> completed with error - code: N
    DISCRETIONARY_STATUS = "discretionary_status"  # Current discretionary status for x is ...
    POWERLOG_UPDATE = "powerlog_update"  # Triggering periodic update to powerlog for client x
    CONNECTION_EVENT = "connection_event"  # [C<N> Hostname#..., bundle id: <b>, ...] start|cancel|cancelled
    TIC_EVENT = "tic_event"  # TIC TCP ... / TIC Enabling TLS ...
    # --- nsurlsessiond: waking the app and the resume rate limiter -----------------------------
    WAKE_REQUESTED = "wake_requested"  # [FBSSystemService][0x..] Sending request to open "<b>" | Will request wake of app <b> ...
    WAKE_SUCCEEDED = "wake_succeeded"  # Successfully woke application <b> and took process assertion
    WAKE_ASSERTION_TAKEN = "wake_assertion_taken"  # took assertion for <b>, session <sid>, ..
    WAKE_FAILED = "wake_failed"  # Failed to open application <b>, error: ... timeout: YES|NO
    WAKE_ASSERTION_RELEASED = "wake_assertion_released"  # Invalidating assertion for bundleID: <b>. sessionID: <sid>
    WAKE_LOOKUP = "wake_lookup"  # looking for background session|task completion for ..
    WAKE_ASSERTION_NOTE = "wake_assertion_note"  # <verb> assertion with name <n> for bundle ..
    REQUEST_DELAY_SET = "request_delay_set"  # Set request delay for <b> to 60.000000
    REQUEST_DELAY_RESET = "request_delay_reset"  # Resetting request delay [and clearing ...] for <b>
    # --- CFNetwork in the app (§11.2) ---------------------------------------------------------
    BG_SESSION_SETUP = "bg_session_setup"  # BackgroundSession <S> background session setup ... with identifier <sid>
    BG_SESSION_NOTICE = "bg_session_notice"  # BackgroundSession <S> attempting to reconnect / before first unlock / ...
    TASK_CONNECTION = "task_connection"  # now using / done using Connection N
    TASK_REQUEST_SENT = "task_request_sent"  # sent request, body S|N
    TASK_RESPONSE_ENDED = "task_response_ended"
    TASK_SUMMARY = "task_summary"  # summary for task success|failure {k=v, ...}
    TASK_FINISHED = "task_finished"  # finished successfully | finished with error [code] ... | - code: N
    TASK_LOAD_FAILED = "task_load_failed"  # load failed with error ... | HTTP load failed (error code: N ...)
    TASK_POWER_ASSERTION_RELEASED = "task_power_assertion_released"
    # --- app warnings and exceptions (urlsession_rules.md §4) ---------------------------------
    DUPLICATE_SESSION_WARNING = "duplicate_session_warning"  # A background URLSession with identifier X already exists!
    HANDLER_NEVER_CALLED_WARNING = "handler_never_called_warning"  # ... but the completion handler was never called.
    UPLOAD_FROM_DATA_EXCEPTION = "upload_from_data_exception"  # Upload tasks from NSData are not supported ...
    COMPLETION_BLOCKS_EXCEPTION = "completion_blocks_exception"  # Completion handler blocks are not supported ...
    INVALIDATED_SESSION_EXCEPTION = "invalidated_session_exception"  # Task created in a session that has been invalidated
    # --- runningboardd (§11.3) ---------------------------------------------------------------
    RB_ASSERTION_ACQUIRING = "rb_assertion_acquiring"  # Acquiring assertion targeting <id> from <id> with description <...>
    RB_ASSERTION_CREATED = "rb_assertion_created"  # Assertion <id> (target:..) will be created as active|inactive
    RB_ASSERTION_ACQUIRED = "rb_assertion_acquired"  # Finished acquiring assertion <id>
    RB_ASSERTION_INVALIDATED = "rb_assertion_invalidated"  # Invalidating assertion <id> (target:..) from originator ..
    RB_LAUNCH_REQUEST = "rb_launch_request"  # Executing launch request for <id> (<explanation>)
    RB_LAUNCH_JOB = "rb_launch_job"  # Creating and launching job for: <id>
    RB_CLIENT_READY = "rb_client_ready"  # Setting client for <id> as ready
    RB_STATE = "rb_state"  # Calculated state for <id>: running-active (role: ..)
    RB_PRIORITY = "rb_priority"  # Set jetsam priority / Set darwin role / Ignoring ... (bookkeeping)
    RB_SUSPEND = "rb_suspend"  # [<id>] Suspending task.
    RB_RESUME = "rb_resume"  # [<id>] Resuming task.
    RB_TERMINATION_REQUEST = "rb_termination_request"  # Received termination request from .. with context <RBSTerminateContext| ..>
    RB_TERMINATION_EXECUTING = "rb_termination_executing"  # Executing termination request for: ..
    RB_TERMINATING = "rb_terminating"  # [<id>] Terminating with context: <RBSTerminateContext| ..>
    RB_TERMINATE_SUCCESS = "rb_terminate_success"  # [<id>] terminate_with_reason() success
    RB_TERMINATION_REPORTED = "rb_termination_reported"  # [<id>] termination reported by launchd (ns, code, status)
    RB_EXIT_CONTEXT = "rb_exit_context"  # [<id>] exited with context <RBSProcessExitContext| ..>
    RB_PROCESS_REMOVED = "rb_process_removed"  # Removing process: <id> (and other post-exit cleanup)
    RB_PROCESS_HANDLE = "rb_process_handle"  # Hit the server for a process handle .. that resolved to: <id>
    RB_BOOKKEEPING = "rb_bookkeeping"  # other recognised runningboardd messages
    # --- SpringBoard / FrontBoard (§11.4) -----------------------------------------------------
    FB_OPEN_REQUEST = "fb_open_request"  # Received request to open "<b>" from <proc>:<pid>. / trusted open
    FB_EXECUTING_REQUEST = "fb_executing_request"  # Executing request: <..OpenApplication(<b>)ForRequester(<p>.<pid>)..>
    FB_SUSPENDED_ACTIVATION = "fb_suspended_activation"  # Executing suspended-activation immediately: ..
    FB_BOOTSTRAPPING = "fb_bootstrapping"  # Bootstrapping <b> with intent background
    FB_PROCESS_STATE = "fb_process_state"  # Application process state changed for <b>: <..pid; taskState; visibility>
    FB_TASK_STATE = "fb_task_state"  # [<id>] Setting process task state to: Running
    FB_VISIBILITY = "fb_visibility"  # [<id>] Setting process visibility to: Foreground
    FB_BOOTSTRAP_SUCCESS = "fb_bootstrap_success"  # [<id>] Bootstrap success!
    FB_CONNECTED = "fb_connected"  # [<id>] Connection established. / scene create / scene action
    FB_PROCESS_EXITED = "fb_process_exited"  # [<id>] Process exited: <RBSProcessExitContext| ..>.
    FB_WORKSPACE_CLEANUP = "fb_workspace_cleanup"  # Invalidating workspace / Removing workspace registration
    FB_APP_TERMINATED = "fb_app_terminated"  # [<b>] <b> application state changed to Terminated
    FB_DEACTIVATION = "fb_deactivation"  # [<b>] Setting deactivation reasons to: ..
    # --- assertiond (iOS 12 and earlier) -------------------------------------------------------
    AD_ASSERTION_ADDED = "ad_assertion_added"  # [<exe>:<pid>] Add assertion: <BKProcessAssertion: ..>
    AD_ASSERTION_ACTIVATED = "ad_assertion_activated"  # Activate / Attempting to acquire assertion
    AD_ASSERTION_MUTATED = "ad_assertion_mutated"  # Mutating assertion reason from X to Y
    AD_PERMISSION_TIMER = "ad_permission_timer"  # Setting up BG permission check timer for 30s
    AD_EXPIRATION_WARNING = "ad_expiration_warning"  # Sending background permission expiration warning!
    AD_FORCING_CRASH = "ad_forcing_crash"  # Forcing crash report with description: <exe>:<pid> has active assertions ..
    AD_CRASH_REPORT_DONE = "ad_crash_report_done"  # Finished crash reporting.
    AD_BOOKKEEPING = "ad_bookkeeping"  # jetsam priority, power assertion updates, ...
    # --- UIKit in the app (§11.5) -------------------------------------------------------------
    UI_BG_TASK_BEGIN = "ui_bg_task_begin"  # Will add backgroundTask with taskName: .. / Created background task ..
    UI_BG_TASK_END = "ui_bg_task_end"  # Ending background task with UIBackgroundTaskIdentifier: N
    UI_BG_TASK_OVERDUE = "ui_bg_task_overdue"  # [BackgroundTask] Background Task N ("..."), was created over 30 seconds ago.
    UI_BG_ASSERTION = "ui_bg_assertion"  # Creating new (background) assertion / reference counts / invalidate
    UI_DEACTIVATION = "ui_deactivation"  # Deactivation reason added|removed: r; deactivation reasons: a -> b; ..
    UI_BACKGROUNDED = "ui_backgrounded"  # App transitioned to background / is no longer foreground
    UI_SUSPENDING = "ui_suspending"  # <b>(<pid>) invalidateConnection (appDidSuspend)
    # --- dasd, powerd ------------------------------------------------------------------------
    DAS_STATE_UPDATE = "das_state_update"  # Received state update for <pid> (app<..>, running-suspended-NotVisible
    DAS_ACTIVITY = "das_activity"  # Running activities / DAS Submitted ..
    POWERD_RELEASED = "powerd_released"  # Process runningboardd.N Released SystemIsActive ..
    # --- app markers (docs/markers.md) ----------------------------------------------------------
    MARKER = "marker"  # `name` holds the marker event (session.create, task.complete, handleEvents, ...)
