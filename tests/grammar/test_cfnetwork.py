"""CFNetwork task and background-session lines in the app (real_lines.md §2, §10.3, §11.2)."""

from __future__ import annotations

import pytest

APP = "RunnerStage"

CASES = [
    # §2.1 verbatim
    (
        "BackgroundSession <585CDBB1-9CD2-4150-AFCF-109678004019> background session setup will "
        "wait for reply: session <__NSURLBackgroundSession: 0x10a96d750> with identifier "
        "com.bbflight.background_downloader.Downloader",
        {
            "kind": "bg_session_setup",
            "session_uuid": "585CDBB1-9CD2-4150-AFCF-109678004019",
            "session_id": "com.bbflight.background_downloader.Downloader",
        },
    ),
    # §10.3 format strings filled in
    (
        "BackgroundSession <B69433D1-43A2-4B9F-B85F-DA0FF60A4511> attempting to setup a background "
        "session before first device unlock!",
        {
            "kind": "bg_session_notice",
            "session_uuid": "B69433D1-43A2-4B9F-B85F-DA0FF60A4511",
            "name": "attempting to setup a background session before first device unlock!",
        },
    ),
    (
        "BackgroundSession <B69433D1-43A2-4B9F-B85F-DA0FF60A4511> attempting to reconnect to "
        "background transfer daemon",
        {
            "kind": "bg_session_notice",
            "session_uuid": "B69433D1-43A2-4B9F-B85F-DA0FF60A4511",
            "name": "attempting to reconnect to background transfer daemon",
        },
    ),
    (
        "BackgroundSession <B69433D1-43A2-4B9F-B85F-DA0FF60A4511> Cannot set property on data task "
        "with identifier 7 because there is no such task",
        {
            "kind": "bg_session_notice",
            "session_uuid": "B69433D1-43A2-4B9F-B85F-DA0FF60A4511",
            "name": "Cannot set property on data task with identifier",
            "detail": "7 because there is no such task",
        },
    ),
    # §2.2 / §2.9 / §2.8 verbatim
    (
        "Task <CD3ED53A-9F3C-4D80-ADDA-6E969A34BF66>.<9> resuming, timeouts(5.0, 604800.0) "
        "qos(0x21) voucher((null)) activity(00000000-0000-0000-0000-000000000000)",
        {
            "kind": "task_resuming",
            "task_uuid": "CD3ED53A-9F3C-4D80-ADDA-6E969A34BF66",
            "task_number": 9,
            "detail": "timeouts(5.0, 604800.0) qos(0x21) voucher((null)) "
            "activity(00000000-0000-0000-0000-000000000000)",
        },
    ),
    (
        "Task <E1909D86-F6C8-4AFF-A567-65B59EFE0F22>.<37> now using Connection 10",
        {
            "kind": "task_connection",
            "task_uuid": "E1909D86-F6C8-4AFF-A567-65B59EFE0F22",
            "task_number": 37,
            "state": "now using",
        },
    ),
    (
        "Task <10FF4858-9F5E-413B-98DC-692D754F3B42>.<1> done using Connection 17",
        {
            "kind": "task_connection",
            "task_uuid": "10FF4858-9F5E-413B-98DC-692D754F3B42",
            "task_number": 1,
            "state": "done using",
        },
    ),
    (
        "Task <E1909D86-F6C8-4AFF-A567-65B59EFE0F22>.<37> sent request, body S",
        {
            "kind": "task_request_sent",
            "task_uuid": "E1909D86-F6C8-4AFF-A567-65B59EFE0F22",
            "task_number": 37,
        },
    ),
    (
        "Task <AA267BFF-52B7-464B-8EFA-242EE2D4068B>.<13> sent request, body N 0",
        {
            "kind": "task_request_sent",
            "task_uuid": "AA267BFF-52B7-464B-8EFA-242EE2D4068B",
            "task_number": 13,
            "bytes_sent": 0,
        },
    ),
    (
        "Task <AA267BFF-52B7-464B-8EFA-242EE2D4068B>.<13> received response, status 304 content K",
        {
            "kind": "task_response",
            "task_uuid": "AA267BFF-52B7-464B-8EFA-242EE2D4068B",
            "task_number": 13,
            "http_status": 304,
        },
    ),
    (
        "0x7fb19b32f9e8 ID=380 Task <4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51>.<259> received "
        "response, status 201 content U",
        {
            "kind": "task_response",
            "task_uuid": "4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51",
            "task_number": 259,
            "http_status": 201,
        },
    ),
    (
        "Task <4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51>.<259> response ended",
        {
            "kind": "task_response_ended",
            "task_uuid": "4D3036FE-9E41-4B9A-94AA-3EF49E8E9A51",
            "task_number": 259,
        },
    ),
    (
        "Task <10B2F1BA-8C9E-4877-80D2-994F1C3ED74A>.<1> summary for task success "
        '{transaction_duration_ms=11, response_status=200, connection=9, protocol="http/1.1", '
        "request_bytes=221, response_bytes=1214, cache_hit=true}",
        {
            "kind": "task_summary",
            "task_uuid": "10B2F1BA-8C9E-4877-80D2-994F1C3ED74A",
            "task_number": 1,
            "state": "success",
            "http_status": 200,
            "bytes_sent": 221,
            "bytes_received": 1214,
            "duration_seconds": 0.011,
            "detail": "transaction_duration_ms=11, response_status=200, connection=9, "
            'protocol="http/1.1", cache_hit=true',
        },
    ),
    (
        "Task <F4C81D9D-7B11-45F6-A92D-A354A9D00520>.<109> summary for task failure "
        "{transaction_duration_ms=535, response_status=-1, connection=3, reused=1, "
        "reused_after_ms=0, request_start_ms=385, request_duration_ms=0, response_start_ms=0, "
        "response_duration_ms=0, request_bytes=23, response_bytes=0, cache_hit=false}",
        {
            "kind": "task_summary",
            "task_uuid": "F4C81D9D-7B11-45F6-A92D-A354A9D00520",
            "task_number": 109,
            "state": "failure",
            "bytes_sent": 23,
            "bytes_received": 0,
            "duration_seconds": 0.535,
            "detail": "transaction_duration_ms=535, response_status=-1, connection=3, reused=1, "
            "reused_after_ms=0, request_start_ms=385, request_duration_ms=0, "
            "response_start_ms=0, response_duration_ms=0, cache_hit=false",
        },
    ),
    (
        "Task <10FF4858-9F5E-413B-98DC-692D754F3B42>.<1> finished successfully",
        {
            "kind": "task_finished",
            "task_uuid": "10FF4858-9F5E-413B-98DC-692D754F3B42",
            "task_number": 1,
        },
    ),
    # §2.4 (iOS 13+ form)
    (
        "Task <F4C81D9D-7B11-45F6-A92D-A354A9D00520>.<109> finished with error [-1005] Error "
        "Domain=NSURLErrorDomain Code=-1005 UserInfo={_kCFStreamErrorCodeKey=57, "
        "NSUnderlyingError=0x3037173c0 {Error Domain=kCFErrorDomainCFNetwork Code=-1005 "
        "UserInfo={NSErrorPeerAddressKey=<private>, _kCFStreamErrorCodeKey=57, "
        "_kCFStreamErrorDomainKey=1}}, _NSURLErrorFailingURLSessionTaskErrorKey=<private>, "
        "_NSURLErrorRelatedURLSessionTaskErrorKey=<private>, NSLocalizedDescription=<private>, "
        "NSErrorFailingURLStringKey=<private>, NSErrorFailingURLKey=<private>, "
        "_kCFStreamErrorDomainKey=1}",
        {
            "kind": "task_finished",
            "task_uuid": "F4C81D9D-7B11-45F6-A92D-A354A9D00520",
            "task_number": 109,
            "error_domain": "NSURLErrorDomain",
            "error_code": -1005,
        },
    ),
    # §2.7, iOS 11-12 forms
    (
        "Task <E9222022-EA65-4105-8AD1-863F9ACB2C64>.<7> finished with error - code: -999",
        {
            "kind": "task_finished",
            "task_uuid": "E9222022-EA65-4105-8AD1-863F9ACB2C64",
            "task_number": 7,
            "error_code": -999,
        },
    ),
    (
        "Task <F4F00CED-2D6C-4955-B8AC-60843155F10B>.<4> HTTP load failed (error code: -999 "
        "[1:89])",
        {
            "kind": "task_load_failed",
            "task_uuid": "F4F00CED-2D6C-4955-B8AC-60843155F10B",
            "task_number": 4,
            "error_code": -999,
        },
    ),
    # §2.7 aws-sdk-ios#1224: the source line is cut after `.mov` (no closing brace, no [-999])
    (
        "Task <616594A2-290C-486E-9EDD-7ECEF7143F6A>.<219> load failed with error Error "
        'Domain=NSURLErrorDomain Code=-999 "(null)" '
        "UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0, "
        "NSErrorFailingURLStringKey=https://eu-hermes-discovery-kit.s3-eu-west-1.amazonaws.com/eu/main/"
        "2014_07_14_11_21_27/videos/117546/425029/vdr/1234567890_part_2.mov",
        {
            "kind": "task_load_failed",
            "task_uuid": "616594A2-290C-486E-9EDD-7ECEF7143F6A",
            "task_number": 219,
            "error_domain": "NSURLErrorDomain",
            "error_code": -999,
            "cancel_reason": 0,
        },
    ),
    # §2.6 (cloudd, macOS)
    (
        "Task <649CB0DA-1B1A-438C-BB54-DCBF2B5AD33F>.<12> RELEASING power assertion.",
        {
            "kind": "task_power_assertion_released",
            "task_uuid": "649CB0DA-1B1A-438C-BB54-DCBF2B5AD33F",
            "task_number": 12,
        },
    ),
]

# §2.7 httptransfertasks#10, one message over several lines (as it arrives from the readers)
FORCE_QUIT_999 = (
    "Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error "
    'Domain=NSURLErrorDomain Code=-999 "(null)" '
    "UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0, \n"
    "\n"
    "_NSURLErrorRelatedURLSessionTaskErrorKey=(\n"
    '    "BackgroundDownloadTask <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>",\n'
    '    "LocalDownloadTask <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>"\n'
    "), _NSURLErrorFailingURLSessionTaskErrorKey=BackgroundDownloadTask "
    "<AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>} [-999]"
)
# §2.7 ChatGPT for Monocle (comment prefix removed): -997 on a background data task
LOST_DAEMON_997 = (
    "Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error "
    'Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" '
    "UserInfo={NSErrorFailingURLStringKey=https://api.openai.com/v1/chat/completions, "
    "NSErrorFailingURLKey=https://api.openai.com/v1/chat/completions, "
    "_NSURLErrorRelatedURLSessionTaskErrorKey=(\n"
    '    "BackgroundDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>",\n'
    '    "LocalDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>"\n'
    "), _NSURLErrorFailingURLSessionTaskErrorKey=BackgroundDataTask "
    "<107143F9-1572-4564-86F0-92A731E9BF91>.<3>, NSLocalizedDescription=Lost connection to "
    "background transfer service}"
)


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_cfnetwork_message(signal, message, expected):
    got = signal(message, APP)
    assert {k: v for k, v in got.items() if k != "family"} == expected
    assert got["family"] == "cfnetwork"


def test_multiline_force_quit_error_gives_reason_and_kind(signal):
    assert signal(FORCE_QUIT_999, APP) == {
        "kind": "task_load_failed",
        "family": "cfnetwork",
        "task_uuid": "AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2",
        "task_number": 7,
        "error_domain": "NSURLErrorDomain",
        "error_code": -999,
        "cancel_reason": 0,
        "task_kind": "download",
    }


def test_lost_connection_to_daemon_is_a_background_data_task(signal):
    got = signal(LOST_DAEMON_997, APP)
    assert (got["kind"], got["error_code"], got["task_kind"]) == ("task_finished", -997, "data")
    assert "cancel_reason" not in got


def test_nsurlsessiond_speaks_cfnetwork_too(signal):
    # §1.1: the daemon logs the same resuming line as the app
    got = signal(
        "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> resuming, QOS(0x9)", "nsurlsessiond"
    )
    assert (got["kind"], got["family"]) == ("task_resuming", "cfnetwork")


def test_local_data_task_cancel_has_no_reason_key(signal):
    # §2.7 Digger#23: -999 without NSURLErrorBackgroundTaskCancelledReasonKey
    message = (
        "Task <020590E6-FA46-467C-850D-D35CF918D0F8>.<1> load failed with error Error "
        'Domain=NSURLErrorDomain Code=-999 "cancelled" UserInfo={NSErrorFailingURLStringKey='
        "https://staging-cmolds.com/masjideaisha/admin/public/collection/yaseen/audio.mp3, "
        "NSErrorFailingURLKey=https://staging-cmolds.com/masjideaisha/admin/public/collection/"
        "yaseen/audio.mp3, _NSURLErrorRelatedURLSessionTaskErrorKey=(\n"
        '    "LocalDataTask <020590E6-FA46-467C-850D-D35CF918D0F8>.<1>"\n'
        "), _NSURLErrorFailingURLSessionTaskErrorKey=LocalDataTask "
        "<020590E6-FA46-467C-850D-D35CF918D0F8>.<1>, NSLocalizedDescription=cancelled} [-999]"
    )
    got = signal(message, APP)
    assert (got["error_code"], got["task_kind"], got.get("cancel_reason")) == (-999, "data", None)
