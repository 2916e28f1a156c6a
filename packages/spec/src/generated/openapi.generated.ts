// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `pnpm --filter @videotask/spec generate`.

export interface paths {
    "/v1/videos/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a video generation task
         * @description Creates an asynchronous `sora-2` task and returns it in state `pending`. Credits for the
         *     chosen duration and watermark option are reserved at once, consumed when the task
         *     completes and returned when it fails.
         *
         *     Send an `Idempotency-Key` so that a retried create never makes (and bills) a second task.
         */
        post: operations["createVideoGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query a task
         * @description Returns the task's current state. Unfinished tasks are re-synced with the upstream
         *     provider on each read, so poll at a measured pace (a few seconds apart, backing off).
         *     A task is visible only to the API key that created it.
         */
        get: operations["getTaskDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the credit balance
         * @description The remaining and used credits of the calling API key and of its user.
         */
        get: operations["getCredits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    taskFinished: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description The body of a create call. Unknown extra fields are tolerated (the vendor's own tools send
         *     some) and ignored.
         */
        VideoGenerationRequest: {
            /**
             * @description The model. Only `sora-2` is in scope; the same path serves other models.
             * @enum {string}
             */
            model: "sora-2";
            /**
             * @description What the video should show. **Decision**: at most 1000 characters (a newer vendor page
             *     says 5000).
             * @example A cat playing piano
             */
            prompt: string;
            /**
             * @description `16:9` landscape or `9:16` portrait. The vendor documents no default; **Decision**:
             *     `16:9`, which the mock fills in.
             * @default 16:9
             * @enum {string}
             */
            aspect_ratio?: "16:9" | "9:16";
            /**
             * @description Reference image for image-to-video: at most one http(s) URL whose path ends in `.jpg`,
             *     `.jpeg`, `.png` or `.webp`, directly downloadable, at most 10 MB, with no real people
             *     in it.
             * @example [
             *       "http://example.com/image1.jpg"
             *     ]
             */
            image_urls?: string[];
            /**
             * @description `true` (the default): no watermark, higher price. `false`: watermark, standard price.
             * @default true
             */
            remove_watermark?: boolean;
            /**
             * @description Length of the video in seconds; 15 costs more than 10.
             * @default 10
             * @enum {integer}
             */
            duration?: 10 | 15;
            /**
             * Format: uri
             * @description Where to POST the finished task. `https://` only, at most 2048 characters, and the host
             *     must not be a loopback, private or link-local address in any spelling (127.0.0.0/8,
             *     10/8, 172.16/12, 192.168/16, 169.254/16, 0.0.0.0, ::1, fc00::/7, fe80::/10, mapped or
             *     numeric forms of them, `localhost`).
             * @example https://your-domain.com/webhooks/video-task-completed
             */
            callback_url?: string;
        };
        /**
         * @description `pending` → `processing` → `completed` or `failed`.
         * @enum {string}
         */
        TaskStatus: "pending" | "processing" | "completed" | "failed";
        /** @enum {string} */
        TaskObjectKind: "video.generation.task" | "image.generation.task" | "audio.generation.task";
        /** @enum {string} */
        TaskOutputType: "text" | "image" | "audio" | "video";
        /** @description Details of the task; `estimated_time` and `video_duration` appear while it is pending. */
        TaskInfo: {
            /** @description Whether the task can still be cancelled; false once it has ended. */
            can_cancel: boolean;
            /** @description Estimated seconds until the task ends. */
            estimated_time?: number;
            /** @description Length of the requested video in seconds. */
            video_duration?: number;
        };
        /** @description Billing of the task. */
        TaskUsage: {
            /** @enum {string} */
            billing_rule?: "per_call" | "per_token" | "per_second";
            /**
             * @description Credits held for this task. Price per video: 10 s with watermark 2.300, 10 s without
             *     3.737, 15 s with watermark 3.737, 15 s without 5.175. Returned when the task fails.
             */
            credits_reserved?: number;
            /** @example default */
            user_group?: string;
        };
        /**
         * @description Why a task failed. A prompt or image blocked by moderation ends as
         *     `content_policy_violation`; **Decision**: a cancelled task ends as `request_cancelled`.
         * @enum {string}
         */
        TaskFailureCode: "content_policy_violation" | "invalid_parameters" | "image_processing_error" | "image_dimension_mismatch" | "request_cancelled" | "generation_failed_no_content" | "service_error" | "generation_timeout" | "resource_exhausted" | "quota_exceeded" | "service_unavailable" | "resource_not_found" | "unknown_error";
        /** @description Why the task failed; present only when `status` is `failed`. */
        TaskError: {
            code: components["schemas"]["TaskFailureCode"];
            message: string;
            /** @constant */
            type: "task_error";
        };
        /** @description The video URL(s), valid for 24 hours; present only when `status` is `completed`. */
        TaskResults: string[];
        /** @description The fields every task carries, whatever its state. */
        TaskCommon: {
            /**
             * @description `task-unified-<unix seconds>-<8 lowercase base36 characters>`.
             * @example task-unified-1757169743-7cvnl5zw
             */
            id: string;
            object: components["schemas"]["TaskObjectKind"];
            status: components["schemas"]["TaskStatus"];
            /** @description Percent done, 0–100; never decreases. */
            progress: number;
            /** @description When the task was created, Unix seconds. */
            created: number;
            /**
             * @description The model actually used.
             * @example sora-2
             */
            model: string;
            type: components["schemas"]["TaskOutputType"];
            task_info?: components["schemas"]["TaskInfo"];
            usage?: components["schemas"]["TaskUsage"];
        };
        /** @description Task info of a task that has ended; it can no longer be cancelled. */
        FinishedTaskInfo: components["schemas"]["TaskInfo"] & {
            /** @constant */
            can_cancel?: false;
        };
        /** @description Waiting for a worker; `progress` is 0. */
        PendingTask: components["schemas"]["TaskCommon"] & {
            /** @constant */
            status: "pending";
            results?: never;
            error?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "pending";
        };
        /** @description Being generated; `progress` rises. */
        ProcessingTask: components["schemas"]["TaskCommon"] & {
            /** @constant */
            status: "processing";
            results?: never;
            error?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "processing";
        };
        /** @description Finished; `results` holds the video URL(s). */
        CompletedTask: components["schemas"]["TaskCommon"] & {
            /** @constant */
            status: "completed";
            results: components["schemas"]["TaskResults"];
            task_info?: components["schemas"]["FinishedTaskInfo"];
            error?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "completed";
        };
        /** @description Ended without a video; `error` says why. Reserved credits are returned. */
        FailedTask: components["schemas"]["TaskCommon"] & {
            /** @constant */
            status: "failed";
            error: components["schemas"]["TaskError"];
            task_info?: components["schemas"]["FinishedTaskInfo"];
            results?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "failed";
        };
        /** @description A video task in any state, told apart by `status`. */
        VideoTask: components["schemas"]["PendingTask"] | components["schemas"]["ProcessingTask"] | components["schemas"]["CompletedTask"] | components["schemas"]["FailedTask"];
        /** @description A task that has ended, as sent to `callback_url`. */
        FinishedTask: components["schemas"]["CompletedTask"] | components["schemas"]["FailedTask"];
        CreditBalance: {
            remaining_credits: number;
            used_credits: number;
        };
        TokenCreditBalance: components["schemas"]["CreditBalance"] & {
            /** @description Whether this API key has no credit limit of its own. */
            unlimited_credits: boolean;
        };
        CreditsResponse: {
            data: {
                token: components["schemas"]["TokenCreditBalance"];
                user: components["schemas"]["CreditBalance"];
            };
            message?: string;
            success: boolean;
        };
        /** @enum {string} */
        ApiErrorType: "invalid_request_error" | "authentication_error" | "insufficient_quota" | "rate_limit_error" | "request_too_large_error" | "api_error" | "upstream_error" | "service_unavailable_error";
        ApiError: {
            /**
             * @description A string code (current form), or the HTTP status as an integer (the older form, which
             *     also carries `fallback_suggestion`). **Decision**: both are accepted; the mock sends
             *     strings.
             */
            code: string | number;
            /** @description What went wrong, for a human. */
            message: string;
            type: components["schemas"]["ApiErrorType"];
            /** @description The request field at fault, for 400 answers about the body. */
            param?: string;
            /** @description A hint on what to do next (older envelope). */
            fallback_suggestion?: string;
        };
        /** @description The envelope of every error answer. */
        ErrorResponse: {
            error: components["schemas"]["ApiError"];
        };
    };
    responses: {
        /**
         * @description A body field breaks a rule (`param` names it), the JSON is malformed, or the model is not
         *     `sora-2`.
         */
        BadRequest: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The task id does not start with `task-unified-`. */
        InvalidTaskId: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The bearer token is missing, empty, malformed or unknown. */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Not enough credits for this task. Never retry without topping up. */
        InsufficientQuota: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description This API key may not use the model. */
        ModelAccessDenied: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No task with this id belongs to this API key. */
        TaskNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is too large. */
        RequestTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The `Idempotency-Key` was used before with a different body. The vendor names the code
         *     (`idempotency_conflict`) but not the status; **Decision**: 422, as the IETF
         *     idempotency-key draft recommends.
         */
        IdempotencyConflict: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Too many requests. Retry after `Retry-After`. */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The server failed. */
        InternalError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The upstream model provider failed. Retryable. */
        UpstreamError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service is overloaded or down. Retry after `Retry-After` when present. */
        ServiceUnavailable: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Any other error (an unknown route, a wrong method, …), in the same envelope. */
        UnexpectedError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The task's id as returned by the create call. An id that does not start with
         *     `task-unified-` answers 400 (`invalid_task_id`); an unknown one 404.
         */
        TaskId: string;
        /**
         * @description Observed on the vendor's own clients, undocumented. A replay with the same key returns the
         *     original task with `idempotency-replayed: true`; the same key with a different body answers
         *     422 `idempotency_conflict`. **Decision**: at most 255 characters (the vendor states no limit).
         */
        IdempotencyKey: string;
        /**
         * @description Project extension (Standard Webhooks). Unique per delivery; the same across the retries of
         *     one delivery, so a receiver can drop duplicates.
         */
        WebhookId: string;
        /**
         * @description Project extension (Standard Webhooks). Unix seconds when the attempt was signed; reject
         *     deliveries more than 5 minutes off.
         */
        WebhookTimestamp: string;
        /**
         * @description Project extension (Standard Webhooks). Space-separated list of `v1,<base64 HMAC-SHA256 of
         *     "<webhook-id>.<webhook-timestamp>.<raw body>">`, keyed with the base64 part of the
         *     `whsec_…` secret.
         */
        WebhookSignature: string;
    };
    requestBodies: never;
    headers: {
        /** @description An id for this request, to quote when reporting a problem. */
        RequestId: string;
        /** @description `true` when this answer replays the task created earlier with the same `Idempotency-Key`. */
        IdempotencyReplayed: "true";
        /** @description When to try again, in seconds or as an HTTP date. */
        RetryAfter: string;
    };
    pathItems: {
        TaskFinishedCallback: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            get?: never;
            put?: never;
            /**
             * A task ended (callback to `callback_url`)
             * @description Sent once a task ends — completed or failed (a cancelled task reads as failed) — after
             *     billing settles. The body is exactly what `GET /v1/tasks/{task_id}` returns for the task
             *     at that moment. Any 2xx answer means delivered; otherwise (another status, a redirect,
             *     or no answer within 10 seconds) the delivery is retried up to 3 times, 1, 2 and 4
             *     seconds after each failure. Redirects are never followed.
             *
             *     The vendor documents no signature; the `webhook-*` headers are this project's
             *     extension, sent by the mock server.
             */
            post: operations["taskFinishedCallback"];
            delete?: never;
            options?: never;
            head?: never;
            patch?: never;
            trace?: never;
        };
    };
}
export type $defs = Record<string, never>;
export interface operations {
    createVideoGeneration: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Observed on the vendor's own clients, undocumented. A replay with the same key returns the
                 *     original task with `idempotency-replayed: true`; the same key with a different body answers
                 *     422 `idempotency_conflict`. **Decision**: at most 255 characters (the vendor states no limit).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VideoGenerationRequest"];
            };
        };
        responses: {
            /** @description The task was created (or, for a replayed `Idempotency-Key`, the original task). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "idempotency-replayed": components["headers"]["IdempotencyReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientQuota"];
            403: components["responses"]["ModelAccessDenied"];
            413: components["responses"]["RequestTooLarge"];
            422: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["UpstreamError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getTaskDetail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The task's id as returned by the create call. An id that does not start with
                 *     `task-unified-` answers 400 (`invalid_task_id`); an unknown one 404.
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task in its current state. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoTask"];
                };
            };
            400: components["responses"]["InvalidTaskId"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["TaskNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["UpstreamError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getCredits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credit balance. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditsResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    taskFinishedCallback: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Project extension (Standard Webhooks). Unique per delivery; the same across the retries of
                 *     one delivery, so a receiver can drop duplicates.
                 */
                "webhook-id"?: components["parameters"]["WebhookId"];
                /**
                 * @description Project extension (Standard Webhooks). Unix seconds when the attempt was signed; reject
                 *     deliveries more than 5 minutes off.
                 */
                "webhook-timestamp"?: components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Project extension (Standard Webhooks). Space-separated list of `v1,<base64 HMAC-SHA256 of
                 *     "<webhook-id>.<webhook-timestamp>.<raw body>">`, keyed with the base64 part of the
                 *     `whsec_…` secret.
                 */
                "webhook-signature"?: components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FinishedTask"];
            };
        };
        responses: {
            /** @description Any 2xx answer acknowledges the delivery. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A failed attempt; the delivery is retried (1, 2 and 4 seconds later, 3 retries at most). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Any other answer — a 3xx (redirects are never followed), a 5xx, or no answer within
             *     10 seconds — is a failed attempt and is retried like a 4xx.
             */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const videoGenerationRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["VideoGenerationRequest"]["model"]> = ["sora-2"];
export const videoGenerationRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["VideoGenerationRequest"]["aspect_ratio"]> = ["16:9", "9:16"];
export const videoGenerationRequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["VideoGenerationRequest"]["duration"]> = [10, 15];
export const taskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskStatus"]> = ["pending", "processing", "completed", "failed"];
export const taskObjectKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskObjectKind"]> = ["video.generation.task", "image.generation.task", "audio.generation.task"];
export const taskOutputTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskOutputType"]> = ["text", "image", "audio", "video"];
export const taskUsageBilling_ruleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskUsage"]["billing_rule"]> = ["per_call", "per_token", "per_second"];
export const taskFailureCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskFailureCode"]> = ["content_policy_violation", "invalid_parameters", "image_processing_error", "image_dimension_mismatch", "request_cancelled", "generation_failed_no_content", "service_error", "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "resource_not_found", "unknown_error"];
export const pendingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingTask"]["status"]> = ["pending"];
export const processingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessingTask"]["status"]> = ["processing"];
export const completedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CompletedTask"]["status"]> = ["completed"];
export const failedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FailedTask"]["status"]> = ["failed"];
export const apiErrorTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApiErrorType"]> = ["invalid_request_error", "authentication_error", "insufficient_quota", "rate_limit_error", "request_too_large_error", "api_error", "upstream_error", "service_unavailable_error"];
export const componentsHeadersIdempotencyReplayedValues: ReadonlyArray<FlattenedDeepRequired<components>["headers"]["IdempotencyReplayed"]> = ["true"];
