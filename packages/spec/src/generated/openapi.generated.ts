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
         * @description Creates an asynchronous video task for the `model` the body names and returns it in state
         *     `pending`. The price follows the model's profile (duration, quality, …); it is reserved at
         *     once, consumed when the task completes and returned when it fails. A model that is retired
         *     or not served answers 403 `model_access_denied`; one that is unavailable for now answers
         *     503 (see `GET /v1/catalog/health`).
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
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's tasks
         * @description The calling API key's live tasks, newest first, a page at a time (as the vendor's newest
         *     clients call it). `total` counts every task that matches the filters; `page` and `page_size`
         *     echo the request. Filters are case-sensitive; `status=processing` also returns pending tasks.
         *     Another key's tasks are never listed. Tasks are forgotten 24 hours after they end.
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Query several tasks at once
         * @description The tasks named in `task_ids` (1 to 50), each once, in the order asked. An id that is unknown,
         *     expired or another key's is simply absent from `data` (no 404). More than 50 ids answer 400
         *     naming `task_ids`.
         */
        post: operations["getTasksBatch"];
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
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The models this API key may use
         * @description OpenAI-style list of the models this key may create tasks with today: every model the API
         *     serves that is not retired, with its current `status`. Found in the vendor's own clients
         *     (EvoLink CLI 0.8), not in its manual.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every model the API describes (no key needed)
         * @description The public catalog: id, name, family, capabilities and lifecycle of every model. No
         *     `Authorization` needed. Cacheable for 5 minutes; send the `ETag` back as `If-None-Match`
         *     to get a 304 when nothing changed.
         */
        get: operations["getCatalogModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether each model is being served right now (no key needed)
         * @description One status per model: `available`, `degraded` (accepted, slower), `unavailable`
         *     (refused for now with 503; try later) or `retired` (refused with 403
         *     `model_access_denied`; it will not come back). No `Authorization` needed. Cacheable for
         *     30 seconds, with `ETag` / `If-None-Match` as for the catalog.
         */
        get: operations["getCatalogHealth"];
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
         * @description The body of a create call: one schema per model, chosen by `model`. Each model's schema
         *     carries its limits, defaults and cross-field rules, and its `x-model-profile` (family,
         *     lifecycle, capabilities, price formula, typical processing time; see `ModelProfile` in
         *     `docs/model-profiles.md` of the repository). Unknown extra fields are tolerated (the
         *     vendor's own tools send some) and ignored. Adding a model is one schema here and one line
         *     in the mapping below.
         */
        VideoGenerationRequest: components["schemas"]["Sora2Request"] | components["schemas"]["Sora2PreviewRequest"] | components["schemas"]["Sora2ProPreviewRequest"] | components["schemas"]["Seedance15ProRequest"] | components["schemas"]["KlingO3TextToVideoRequest"] | components["schemas"]["Veo31GeneratePreviewRequest"] | components["schemas"]["Hailuo23Request"] | components["schemas"]["Hailuo02Request"] | components["schemas"]["Wan26TextToVideoRequest"];
        /**
         * Format: uri
         * @description A reference image: an http(s) URL with a host and a path ending in `.jpg`, `.jpeg`, `.png`
         *     or `.webp`, directly downloadable.
         * @example https://example.com/images/image1.jpg
         */
        ImageUrl: string;
        /**
         * Format: uri
         * @description Where to POST the finished task. `https://` only, at most 2048 characters, and the host
         *     must not be a loopback, private or link-local address in any spelling (127.0.0.0/8,
         *     10/8, 172.16/12, 192.168/16, 169.254/16, 0.0.0.0, ::1, fc00::/7, fe80::/10, mapped or
         *     numeric forms of them, `localhost`).
         * @example https://your-domain.com/webhooks/video-task-completed
         */
        CallbackUrl: string;
        /**
         * @description `sora-2`, as the seed documents describe it. OpenAI shut Sora 2 down on 2026-09-24; whether
         *     EvoLink still answers this id is not known (its manual lists only the previews), so the
         *     profile says `deprecated` and the mock can serve it as retired.
         */
        Sora2Request: {
            /**
             * @description discriminator enum property added by openapi-typescript
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
             * @description Reference image for image-to-video: at most one, at most 10 MB, with no real people in it.
             * @example [
             *       "http://example.com/image1.jpg"
             *     ]
             */
            image_urls?: components["schemas"]["ImageUrl"][];
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
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /** @description `sora-2-preview`: text or one image to video, 4, 8 or 12 seconds. */
        Sora2PreviewRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "sora-2-preview";
            /** @description What the video should show (the vendor says at most 5000 tokens; enforced as characters). */
            prompt: string;
            /**
             * @description `1280x720` and `16:9` are landscape, `720x1280` and `9:16` portrait.
             * @enum {string}
             */
            aspect_ratio?: "1280x720" | "720x1280" | "16:9" | "9:16";
            /**
             * @description Seconds of video. The schema has no enum; the text allows only 4, 8 and 12, default 4
             *     (the price rules' default is 8; **Decision**: the manual's 4).
             * @default 4
             * @enum {integer}
             */
            duration?: 4 | 8 | 12;
            /**
             * @description At most one image, no photos of real people, at most 10 MB; its pixel size must match
             *     `aspect_ratio` exactly (checked by the live API only).
             */
            image_urls?: components["schemas"]["ImageUrl"][];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /** @description `sora-2-pro-preview`: as `sora-2-preview`, with 720p or 1080p. */
        Sora2ProPreviewRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "sora-2-pro-preview";
            /** @description What the video should show (at most 5000 tokens; enforced as characters). */
            prompt: string;
            /** @enum {string} */
            aspect_ratio?: "16:9" | "9:16";
            /**
             * @description Seconds of video (4, 8 or 12; **Decision**: default 4, as `sora-2-preview`).
             * @default 4
             * @enum {integer}
             */
            duration?: 4 | 8 | 12;
            /**
             * @description 1080p costs 1.667× the 720p price. **Decision**: default 720p.
             * @default 720p
             * @enum {string}
             */
            quality?: "720p" | "1080p";
            image_urls?: components["schemas"]["ImageUrl"][];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /** @description `seedance-1.5-pro`: 0 images text to video, 1 image to video, 2 first and last frame. */
        Seedance15ProRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "seedance-1.5-pro";
            prompt: string;
            /** @description Up to 2 images (first and last frame); each at most 10 MB. */
            image_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @description Whole seconds, 4 to 12.
             * @default 5
             */
            duration?: number;
            /**
             * @default 720p
             * @enum {string}
             */
            quality?: "480p" | "720p" | "1080p";
            /**
             * @default 16:9
             * @enum {string}
             */
            aspect_ratio?: "16:9" | "9:16" | "1:1" | "4:3" | "3:4" | "21:9" | "adaptive";
            /**
             * @description Audio doubles the price.
             * @default true
             */
            generate_audio?: boolean;
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /** @description `kling-o3-text-to-video`: text to video, 3 to 15 seconds, optional sound and multi-shot. */
        KlingO3TextToVideoRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "kling-o3-text-to-video";
            /** @description May be empty only with `model_params.multi_shot`. */
            prompt: string;
            /** @default 5 */
            duration?: number;
            /**
             * @default 16:9
             * @enum {string}
             */
            aspect_ratio?: "16:9" | "9:16" | "1:1";
            /**
             * @default 720p
             * @enum {string}
             */
            quality?: "720p" | "1080p" | "4k";
            /**
             * @default off
             * @enum {string}
             */
            sound?: "on" | "off";
            model_params?: {
                /** @default false */
                multi_shot?: boolean;
                /** @enum {string} */
                shot_type?: "customize";
                multi_prompt?: {
                    index: number;
                    prompt: string;
                    duration: string;
                }[];
                element_list?: {
                    element_id: string;
                }[];
                watermark_info?: {
                    enabled?: boolean;
                };
            };
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /** @description `veo-3.1-generate-preview`: text, first and last frame, or reference images to video. */
        Veo31GeneratePreviewRequest: {
            /** @constant */
            model: "veo-3.1-generate-preview";
            prompt: string;
            image_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @description `FIRST&LAST` takes 1–2 images; `REFERENCE` 1–3 images, 8 s and 16:9 only.
             * @enum {string}
             */
            generation_type?: "TEXT" | "FIRST&LAST" | "REFERENCE";
            /** @enum {string} */
            aspect_ratio?: "auto" | "16:9" | "9:16";
            /** @default true */
            generate_audio?: boolean;
            /**
             * @default 4
             * @enum {integer}
             */
            duration?: 4 | 6 | 8;
            /**
             * @description Number of videos; each is billed.
             * @default 1
             */
            n?: number;
            /**
             * @default 720p
             * @enum {string}
             */
            quality?: "720p" | "1080p" | "4k";
            seed?: number;
            negative_prompt?: string;
            /**
             * @default allow_adult
             * @enum {string}
             */
            person_generation?: "allow_adult" | "dont_allow";
            /**
             * @default pad
             * @enum {string}
             */
            resize_mode?: "pad" | "crop";
            callback_url?: components["schemas"]["CallbackUrl"];
        } & (unknown & unknown & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "veo-3.1-generate-preview";
        });
        /** @description `MiniMax-Hailuo-2.3`: text or one image to video, 6 or 10 seconds; 1080p with 6 s only. */
        Hailuo23Request: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "MiniMax-Hailuo-2.3";
            /** @description Camera commands go in `[...]`. */
            prompt: string;
            image_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @default 768p
             * @enum {string}
             */
            quality?: "768p" | "1080p";
            /**
             * @default 6
             * @enum {integer}
             */
            duration?: 6 | 10;
            model_params?: components["schemas"]["HailuoModelParams"];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /**
         * @description `MiniMax-Hailuo-02`: 0 images text to video, 1 image to video, 2 first and last frame;
         *     512p is image to video only; 1080p with 6 s only.
         */
        Hailuo02Request: {
            /** @constant */
            model: "MiniMax-Hailuo-02";
            /** @description Required for text to video; optional with images. */
            prompt?: string;
            image_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @default 768p
             * @enum {string}
             */
            quality?: "512p" | "768p" | "1080p";
            /**
             * @default 6
             * @enum {integer}
             */
            duration?: 6 | 10;
            model_params?: components["schemas"]["HailuoModelParams"];
            callback_url?: components["schemas"]["CallbackUrl"];
        } & (unknown & unknown & unknown & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "MiniMax-Hailuo-02";
        });
        /** @description MiniMax Hailuo's extra switches. */
        HailuoModelParams: {
            /**
             * @description `false` for literal prompts.
             * @default true
             */
            prompt_optimizer?: boolean;
            /**
             * @description Shortens preprocessing.
             * @default false
             */
            fast_pretreatment?: boolean;
        };
        /** @description `wan2.6-text-to-video`: text (and optional audio) to video, 2 to 15 seconds. */
        Wan26TextToVideoRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "wan2.6-text-to-video";
            prompt: string;
            /**
             * @default 16:9
             * @enum {string}
             */
            aspect_ratio?: "16:9" | "9:16" | "1:1" | "4:3" | "3:4";
            /**
             * @default 720p
             * @enum {string}
             */
            quality?: "720p" | "1080p";
            /**
             * @description Whole seconds, 2 to 15. The vendor names no default; **Decision**: 5.
             * @default 5
             */
            duration?: number;
            /**
             * @description Let a language model rewrite the prompt.
             * @default true
             */
            prompt_extend?: boolean;
            model_params?: {
                /**
                 * @description Takes effect only when `prompt_extend` is true.
                 * @default single
                 * @enum {string}
                 */
                shot_type?: "single" | "multi";
            };
            /**
             * Format: uri
             * @description An mp3, 3–30 s, at most 15 MB; cut or padded with silence to the video's length.
             * @example https://example.com/audio/voice.mp3
             */
            audio_url?: string;
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /**
         * @description A task id as a caller sends it. An id that does not start with `task-unified-` is refused
         *     (400); a well-formed unknown one is not found.
         * @example task-unified-1757169743-7cvnl5zw
         */
        TaskIdInput: string;
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
            /**
             * @description Credits consumed once the task has ended: its price when it completed, 0 when it failed
             *     (read by the vendor's newest clients; absent while it runs).
             */
            credits_used?: number;
            /** @example default */
            user_group?: string;
        };
        /**
         * @description Where the task's charge stands, as the vendor's newest clients read it: reserved while it
         *     runs, charged when it completes, released and refunded when it fails.
         */
        TaskBilling: {
            refund_scope?: string;
            /** @enum {string} */
            charge_status?: "unknown" | "reserved" | "charged" | "released";
            /** @enum {string} */
            refund_status?: "unknown" | "not_required" | "pending" | "failed" | "completed";
            reserved_credits?: number;
            charged_credits?: number;
            refunded_credits?: number;
            /** @description When the refund was made, Unix seconds. */
            refunded_at?: number;
        };
        /** @description One result with its details (the vendor's newest form of `results`). */
        TaskResultData: {
            /** Format: uri */
            video_url: string;
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
            billing?: components["schemas"]["TaskBilling"];
            /** @description Seconds the task took from its creation to its end; present once it has ended. */
            duration?: number;
        };
        /** @description Task info of a task that has ended; it can no longer be cancelled. */
        FinishedTaskInfo: components["schemas"]["TaskInfo"] & {
            /** @constant */
            can_cancel?: false;
        };
        /** @description Waiting for a worker; `progress` is 0. */
        PendingTask: {
            /** @constant */
            status: "pending";
            results?: never;
            error?: never;
        } & components["schemas"]["TaskCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "pending";
        };
        /** @description Being generated; `progress` rises. */
        ProcessingTask: {
            /** @constant */
            status: "processing";
            results?: never;
            error?: never;
        } & components["schemas"]["TaskCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "processing";
        };
        /** @description Finished; `results` holds the video URL(s). */
        CompletedTask: {
            /** @constant */
            status: "completed";
            results: components["schemas"]["TaskResults"];
            /** @description The same videos as `results`, each as an object. */
            result_data?: components["schemas"]["TaskResultData"][];
            task_info?: components["schemas"]["FinishedTaskInfo"];
            error?: never;
        } & components["schemas"]["TaskCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "completed";
        };
        /** @description Ended without a video; `error` says why. Reserved credits are returned. */
        FailedTask: {
            /** @constant */
            status: "failed";
            error: components["schemas"]["TaskError"];
            task_info?: components["schemas"]["FinishedTaskInfo"];
            results?: never;
        } & components["schemas"]["TaskCommon"] & {
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
        /**
         * @description Whether a model is served right now. `available`; `degraded`: accepted, tasks take longer;
         *     `unavailable`: creates answer 503 for now; `retired`: creates answer 403
         *     `model_access_denied` and it will not come back.
         * @enum {string}
         */
        ModelState: "available" | "degraded" | "unavailable" | "retired";
        /**
         * @description Where the model is in its life, from its profile (`retired` once it is no longer served).
         * @enum {string}
         */
        ModelLifecycle: "active" | "preview" | "deprecated" | "retired";
        /** @enum {string} */
        ModelCapability: "text-to-video" | "image-to-video" | "first-last-frame" | "audio";
        ModelList: {
            /** @constant */
            object: "list";
            data: {
                id: string;
                /** @constant */
                object: "model";
                /** @description Unix seconds. */
                created?: number;
                /** @description The model's family (`sora`, `seedance`, `kling`, …). */
                owned_by: string;
                display_name?: string;
                status?: components["schemas"]["ModelState"];
            }[];
        };
        CatalogModels: {
            models: {
                model_id: string;
                display_name: string;
                family?: string;
                aliases?: string[];
                capabilities: components["schemas"]["ModelCapability"][];
                /** @description How it is called; every video model here is `video-generations`. */
                protocols?: string[];
                lifecycle: components["schemas"]["ModelLifecycle"];
                /** Format: uri */
                docs?: string;
            }[];
        };
        CatalogHealth: {
            models: {
                model_id: string;
                status: components["schemas"]["ModelState"];
            }[];
        };
        /** @description One page of the caller's tasks, newest first. */
        TaskList: {
            data: components["schemas"]["VideoTask"][];
            /** @description Every task that matches the filters (a safe integer). */
            total: number;
            /** @description The page asked for. */
            page: number;
            /** @description The page size asked for. */
            page_size: number;
        };
        TaskBatchRequest: {
            /** @description The ids of the tasks to read, 1 to 50. */
            task_ids: components["schemas"]["TaskIdInput"][];
        };
        /** @description The caller's tasks among those asked for; unknown or other keys' ids are absent. */
        TaskBatch: {
            data: components["schemas"]["VideoTask"][];
        };
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
        /** @description A query parameter breaks a rule (`param` names it). */
        InvalidListQuery: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body breaks a rule (`param` names it), e.g. more than 50 `task_ids`. */
        InvalidBatch: {
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
        /** @description The copy named by `If-None-Match` is still current; no body. */
        NotModified: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                ETag: components["headers"]["ETag"];
                "Cache-Control": components["headers"]["CacheControl"];
                [name: string]: unknown;
            };
            content?: never;
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
        /** @description The `ETag` of a copy the caller holds; when it is still current the answer is 304. */
        IfNoneMatch: string;
        /**
         * @description The task's id as returned by the create call. An id that does not start with
         *     `task-unified-` answers 400 (`invalid_task_id`); an unknown one 404.
         */
        TaskId: components["schemas"]["TaskIdInput"];
        /** @description The page to answer, from 1. */
        Page: number;
        /** @description Tasks per page, 1 to 100. */
        PageSize: number;
        /** @description Only tasks in this status now; `processing` also matches pending tasks. */
        TaskStatusFilter: components["schemas"]["TaskStatus"];
        /** @description Only tasks of this model (case-sensitive). */
        TaskModelFilter: string;
        /** @description Only tasks of this output type; this API makes videos only. */
        TaskTypeFilter: "video";
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
        /** @description A tag of this version of the answer; send it back as `If-None-Match`. */
        ETag: string;
        /** @description How long the answer may be cached (`public, max-age=300` for the catalog, 30 for health). */
        CacheControl: string;
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
    listTasks: {
        parameters: {
            query?: {
                /** @description The page to answer, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Tasks per page, 1 to 100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only tasks in this status now; `processing` also matches pending tasks. */
                status?: components["parameters"]["TaskStatusFilter"];
                /** @description Only tasks of this model (case-sensitive). */
                model?: components["parameters"]["TaskModelFilter"];
                /** @description Only tasks of this output type; this API makes videos only. */
                type?: components["parameters"]["TaskTypeFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the caller's tasks, newest first. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            400: components["responses"]["InvalidListQuery"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getTasksBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskBatchRequest"];
            };
        };
        responses: {
            /** @description The caller's tasks among those asked for, in their current state. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskBatch"];
                };
            };
            400: components["responses"]["InvalidBatch"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["RequestTooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
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
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models this key may use. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getCatalogModels: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of a copy the caller holds; when it is still current the answer is 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogModels"];
                };
            };
            304: components["responses"]["NotModified"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getCatalogHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of a copy the caller holds; when it is still current the answer is 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status of each model. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogHealth"];
                };
            };
            304: components["responses"]["NotModified"];
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
export const sora2RequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2Request"]["model"]> = ["sora-2"];
export const sora2RequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2Request"]["aspect_ratio"]> = ["16:9", "9:16"];
export const sora2RequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2Request"]["duration"]> = [10, 15];
export const sora2PreviewRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2PreviewRequest"]["model"]> = ["sora-2-preview"];
export const sora2PreviewRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2PreviewRequest"]["aspect_ratio"]> = ["1280x720", "720x1280", "16:9", "9:16"];
export const sora2PreviewRequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2PreviewRequest"]["duration"]> = [4, 8, 12];
export const sora2ProPreviewRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2ProPreviewRequest"]["model"]> = ["sora-2-pro-preview"];
export const sora2ProPreviewRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2ProPreviewRequest"]["aspect_ratio"]> = ["16:9", "9:16"];
export const sora2ProPreviewRequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2ProPreviewRequest"]["duration"]> = [4, 8, 12];
export const sora2ProPreviewRequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sora2ProPreviewRequest"]["quality"]> = ["720p", "1080p"];
export const seedance15ProRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Seedance15ProRequest"]["model"]> = ["seedance-1.5-pro"];
export const seedance15ProRequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Seedance15ProRequest"]["quality"]> = ["480p", "720p", "1080p"];
export const seedance15ProRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Seedance15ProRequest"]["aspect_ratio"]> = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive"];
export const klingO3TextToVideoRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KlingO3TextToVideoRequest"]["model"]> = ["kling-o3-text-to-video"];
export const klingO3TextToVideoRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KlingO3TextToVideoRequest"]["aspect_ratio"]> = ["16:9", "9:16", "1:1"];
export const klingO3TextToVideoRequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KlingO3TextToVideoRequest"]["quality"]> = ["720p", "1080p", "4k"];
export const klingO3TextToVideoRequestSoundValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KlingO3TextToVideoRequest"]["sound"]> = ["on", "off"];
export const klingO3TextToVideoRequestModel_paramsShot_typeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KlingO3TextToVideoRequest"]["model_params"]["shot_type"]> = ["customize"];
export const veo31GeneratePreviewRequestGeneration_typeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["generation_type"]> = ["TEXT", "FIRST&LAST", "REFERENCE"];
export const veo31GeneratePreviewRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["aspect_ratio"]> = ["auto", "16:9", "9:16"];
export const veo31GeneratePreviewRequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["duration"]> = [4, 6, 8];
export const veo31GeneratePreviewRequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["quality"]> = ["720p", "1080p", "4k"];
export const veo31GeneratePreviewRequestPerson_generationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["person_generation"]> = ["allow_adult", "dont_allow"];
export const veo31GeneratePreviewRequestResize_modeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["resize_mode"]> = ["pad", "crop"];
export const veo31GeneratePreviewRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Veo31GeneratePreviewRequest"]["model"]> = ["veo-3.1-generate-preview"];
export const hailuo23RequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo23Request"]["model"]> = ["MiniMax-Hailuo-2.3"];
export const hailuo23RequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo23Request"]["quality"]> = ["768p", "1080p"];
export const hailuo23RequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo23Request"]["duration"]> = [6, 10];
export const hailuo02RequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo02Request"]["quality"]> = ["512p", "768p", "1080p"];
export const hailuo02RequestDurationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo02Request"]["duration"]> = [6, 10];
export const hailuo02RequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Hailuo02Request"]["model"]> = ["MiniMax-Hailuo-02"];
export const wan26TextToVideoRequestModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Wan26TextToVideoRequest"]["model"]> = ["wan2.6-text-to-video"];
export const wan26TextToVideoRequestAspect_ratioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Wan26TextToVideoRequest"]["aspect_ratio"]> = ["16:9", "9:16", "1:1", "4:3", "3:4"];
export const wan26TextToVideoRequestQualityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Wan26TextToVideoRequest"]["quality"]> = ["720p", "1080p"];
export const wan26TextToVideoRequestModel_paramsShot_typeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Wan26TextToVideoRequest"]["model_params"]["shot_type"]> = ["single", "multi"];
export const taskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskStatus"]> = ["pending", "processing", "completed", "failed"];
export const taskObjectKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskObjectKind"]> = ["video.generation.task", "image.generation.task", "audio.generation.task"];
export const taskOutputTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskOutputType"]> = ["text", "image", "audio", "video"];
export const taskUsageBilling_ruleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskUsage"]["billing_rule"]> = ["per_call", "per_token", "per_second"];
export const taskBillingCharge_statusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskBilling"]["charge_status"]> = ["unknown", "reserved", "charged", "released"];
export const taskBillingRefund_statusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskBilling"]["refund_status"]> = ["unknown", "not_required", "pending", "failed", "completed"];
export const taskFailureCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskFailureCode"]> = ["content_policy_violation", "invalid_parameters", "image_processing_error", "image_dimension_mismatch", "request_cancelled", "generation_failed_no_content", "service_error", "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "resource_not_found", "unknown_error"];
export const pendingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingTask"]["status"]> = ["pending"];
export const processingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessingTask"]["status"]> = ["processing"];
export const completedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CompletedTask"]["status"]> = ["completed"];
export const failedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FailedTask"]["status"]> = ["failed"];
export const modelStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModelState"]> = ["available", "degraded", "unavailable", "retired"];
export const modelLifecycleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModelLifecycle"]> = ["active", "preview", "deprecated", "retired"];
export const modelCapabilityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModelCapability"]> = ["text-to-video", "image-to-video", "first-last-frame", "audio"];
export const apiErrorTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApiErrorType"]> = ["invalid_request_error", "authentication_error", "insufficient_quota", "rate_limit_error", "request_too_large_error", "api_error", "upstream_error", "service_unavailable_error"];
export const componentsParametersTaskTypeFilterValues: ReadonlyArray<FlattenedDeepRequired<components>["parameters"]["TaskTypeFilter"]> = ["video"];
export const componentsHeadersIdempotencyReplayedValues: ReadonlyArray<FlattenedDeepRequired<components>["headers"]["IdempotencyReplayed"]> = ["true"];
