// Generated from mock-admin.yaml by scripts/generate.ts. Do not edit: run `pnpm --filter @videotask/spec generate`.

export interface paths {
    "/__mock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the admin routes
         * @description Every admin route with its method and what it does, in words.
         */
        get: operations["getAdminIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the options in force
         * @description The options the server runs with, defaults filled in, and the clock's time.
         */
        get: operations["getMockConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start over
         * @description Forgets tasks, credits, deliveries, faults and rate-limit state, re-seeds the random
         *     stream (the same seed makes the same ids again) and puts the clock back at its start (as
         *     `POST /__mock/clock/reset` does: wall time, factor 1, running; a manual clock at its start time).
         */
        post: operations["resetMock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/seed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many tasks at once
         * @description Creates `count` tasks as a create call with the `TextToVideoRequest` body would, for
         *     `apiKey`, each placed on the clock so that it is now in the status it is given: the
         *     statuses in `statuses` in turn (task *i* gets `statuses[i mod n]`; default: `pending`,
         *     `processing`, `completed`, `failed` in turn). Failed tasks fail with a code picked by the
         *     server's seed. Seeded tasks cost no credits and send no callbacks. Beyond the server's
         *     `maxTasks` the oldest tasks are evicted as usual.
         */
        post: operations["seedTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Every key's stored tasks, newest first, each with what the mock knows about it. Tasks are
         *     forgotten 24 hours after they end. `total` counts every match, `data` holds at most `limit`.
         */
        get: operations["listMockTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one task
         * @description One task of any API key, with its timeline and billing.
         */
        get: operations["getMockTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a running task
         * @description Ends a pending or processing task now as `failed` with `request_cancelled` (its progress
         *     stays where it was), returns its credits and sends its callback. No body is read.
         */
        post: operations["cancelMockTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/tasks/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a finished task's callback again
         * @description Sends the callback of a task that has ended again, to its `callback_url` or to `url`
         *     (the callback host rules apply to it), altered as `mutate` says. Answers once the
         *     delivery has started; its attempts are listed under `/__mock/deliveries`. A task that
         *     has not ended answers 409: its callback is sent when it does.
         */
        post: operations["redeliverMockTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clock
         * @description The clock's mode and time, its speed (`factor`), whether it is paused, and how many timers (callbacks, retries) are waiting on it.
         */
        get: operations["getMockClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a manual clock
         * @description Moves a manual clock forward by `ms`, firing every timer due on the way (callbacks and
         *     their retries) in order, and answers once they have run. A real clock answers 409
         *     before the body is read.
         */
        post: operations["advanceMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the clock to an instant
         * @description Sets the clock to `at` (ms since epoch, or an ISO 8601 date). A manual clock set forward fires
         *     every timer due on the way in order, as an advance does; a real clock re-anchors there and runs
         *     on (timers now due fire at once). Either goes back only down to the newest task's creation time:
         *     earlier answers 409 `conflict` naming that task (a task's lifecycle never runs backwards; reset
         *     the mock to drop the tasks).
         */
        post: operations["setMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/scale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Speed a real clock up or slow it down
         * @description Makes a real clock run `factor` times wall speed from now on (task lifecycles, expiry, rate-limit
         *     buckets and callback retries follow it). A manual clock answers 409: it moves only when told.
         */
        post: operations["scaleMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a real clock
         * @description Stops a real clock where it stands until resumed (nothing falls due meanwhile). Pausing a paused
         *     clock answers the same. A manual clock answers 409.
         */
        post: operations["pauseMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused real clock
         * @description Lets a paused real clock run on from where it stood. Resuming a running clock answers the same.
         *     A manual clock answers 409.
         */
        post: operations["resumeMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put the clock back at its start
         * @description A real clock goes back to wall time, factor 1, running; a manual one to its start time. Answers
         *     409 when that is before the newest task's creation time (`POST /__mock/reset` drops the tasks
         *     and resets the clock too).
         */
        post: operations["resetMockClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List callback attempts
         * @description Every recorded callback attempt, oldest first: the 10,000 newest, each kept 24 hours.
         */
        get: operations["listMockDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/deliveries/idle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait until no callback attempt is in flight
         * @description Answers once no attempt is in flight, or after `timeoutMs` real milliseconds with
         *     `idle: false`.
         */
        post: operations["waitForMockDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List injected faults
         * @description The faults still to apply, in the order they apply.
         */
        get: operations["listMockFaults"];
        put?: never;
        /**
         * Inject a fault
         * @description The next `count` public API requests (`/v1/…`, or only those whose path starts with
         *     `path`) answer `status` in the API's envelope (with `Retry-After` for 429, 502 and 503),
         *     after `delayMs` real milliseconds when given; a fault with only `delayMs` answers normally
         *     after the delay. Faults apply in the order they were added; admin requests are never
         *     faulted.
         */
        post: operations["injectMockFault"];
        /**
         * Drop every injected fault
         * @description Drops every fault still to apply.
         */
        delete: operations["clearMockFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a key's remaining credits
         * @description Sets what `apiKey` has left (after its running tasks' reservations), and answers its
         *     balance as `GET /v1/credits` shows it to that key.
         */
        post: operations["setMockCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the served models and their states
         * @description Every model the mock serves, with the state the public catalog and creates see.
         */
        get: operations["listMockModels"];
        put?: never;
        /**
         * Set a model's state
         * @description `available`, `degraded` (tasks take twice as long), `unavailable` (creates answer 503) or
         *     `retired` (creates answer 403 `model_access_denied`); `null` goes back to what the start
         *     options say. Answers the model and the whole list.
         */
        post: operations["setMockModelState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/chaos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the chaos profile in force
         * @description The profile in force (null: none), the seed its decisions are drawn from, how many gateway
         *     draws were taken since it was set, and every profile the mock knows with its parameters.
         */
        get: operations["getMockChaos"];
        /**
         * Put a chaos profile in force
         * @description Replaces the profile in force (every replica on a shared store sees it) and starts its
         *     decisions over: the same seed and the same sequence of requests give the same decisions.
         *     `seed` defaults to the server's `--seed`. Admin requests are never affected.
         */
        put: operations["setMockChaos"];
        post?: never;
        /**
         * Stop the chaos
         * @description No profile is in force from now on, whatever the start options said (`POST /__mock/reset`
         *     goes back to them).
         */
        delete: operations["clearMockChaos"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminRoute: {
            /** @enum {string} */
            method: "GET" | "POST" | "DELETE";
            /** @description The route, with `:name` for a path parameter. */
            path: string;
            /** @description What it does, in words. */
            what: string;
        };
        AdminIndex: {
            routes: components["schemas"]["AdminRoute"][];
        };
        /**
         * @description `real`: wall time. `manual`: time moves only when advanced.
         * @enum {string}
         */
        ClockMode: "real" | "manual";
        /** @description The server's options, defaults filled in. */
        MockConfig: {
            clock: components["schemas"]["ClockMode"];
            /** @description The clock's time, ms since epoch. */
            now: number;
            /** @description What every lifecycle timing is divided by. */
            speed: number;
            /** @description The seed of ids, random failures and progress jitter. */
            seed: string;
            /** @description Share of tasks that fail at random. */
            failureRate: number;
            /** @description The accepted API keys; null when any non-empty bearer token is accepted. */
            apiKeys: string[] | null;
            /** @description The `whsec_…` secret callbacks are signed with. */
            webhookSecret: string;
            /** @description Whether http:// and loopback or private callback hosts are allowed. */
            allowLocalCallbacks: boolean;
            /**
             * @description Whether callbacks are sent without `webhook-timestamp` and `webhook-signature`
             *     (`--unsigned-callbacks`), like the vendor's today.
             */
            unsignedCallbacks: boolean;
            /** @description Where the mock keeps its state; `memory`, or where the shared store lives. */
            store: string;
            /** @description The base of result URLs. */
            publicUrl: string;
            /** @description The credits each API key starts with. */
            credits: number;
            /** @description Requests per second per API key; null when there is no limit. */
            rateLimit: number | null;
            /** @description The most tasks kept; the oldest are evicted beyond it. */
            maxTasks: number;
        };
        ResetResult: {
            /** @constant */
            reset: true;
            /** @description The clock's time after the reset, ms since epoch (back at its start). */
            now: number;
        };
        SeedRequest: {
            /** @description How many tasks to create. */
            count: number;
            /** @description The statuses the tasks are given, in turn. */
            statuses?: components["schemas"]["TaskStatus"][];
            /**
             * @description The API key that owns the tasks (default: the first of the server's `apiKeys`, or
             *     `sk-mock` when any key is accepted).
             */
            apiKey?: string;
        };
        SeedResult: {
            data: components["schemas"]["AdminTask"][];
        };
        /** @description The task's plan on the server's clock, ms since epoch. */
        TaskTimeline: {
            createdAt: number;
            /** @description When it leaves `pending`. */
            processingAt: number;
            /** @description When it ends; null for a task that never ends (the `stuck` scenario). */
            endAt: number | null;
            /** @description When it is forgotten (24 hours after it ends); null when it never ends. */
            expiresAt: number | null;
        };
        /** @description A task as the admin API shows it: the API's JSON plus what the mock knows about it. */
        AdminTask: {
            /** @description Exactly what `GET /v1/tasks/{task_id}` answers the task's key now. */
            task: components["schemas"]["VideoTask"];
            /** @description The API key that created it. */
            apiKey: string;
            /** @description The `x-mock-scenario` it was created with, as sent. */
            scenario: string | null;
            callbackUrl: string | null;
            /**
             * @description The W3C Trace Context its callbacks are sent in: the create's valid `traceparent` header
             *     (as version 00), or a trace the mock started; null for a task stored before traces were kept.
             */
            traceparent?: string | null;
            /** @description The create body's `aspect_ratio`. */
            aspectRatio: string;
            /** @description The create body's `duration`, in seconds. */
            duration: number;
            removeWatermark: boolean;
            /** @description Whether the create body had an image. */
            imageToVideo: boolean;
            /** @description The task's price. */
            priceCredits: number;
            /** @description Whether its credits were consumed (completed) or returned (failed). */
            settled: boolean;
            /** @description Whether it was cancelled through the admin API or the controller. */
            cancelled: boolean;
            timeline: components["schemas"]["TaskTimeline"];
            /** @description How many callback attempts are recorded for it. */
            deliveryAttempts: number;
        };
        AdminTaskList: {
            /** @description The newest matching tasks first, at most `limit`. */
            data: components["schemas"]["AdminTask"][];
            /** @description How many tasks match. */
            total: number;
        };
        /**
         * @description How a redelivery is altered. `none`: a fresh, correctly signed delivery. `duplicate`: the
         *     task's first delivery again (same `webhook-id` and body), or without one a fresh delivery
         *     sent twice with one id. `stale-timestamp`: signed with a timestamp 10 minutes old.
         *     `bad-signature`: signed with another secret. `tampered-body`: signed over the real body,
         *     but an altered body is sent.
         * @enum {string}
         */
        RedeliverMutation: "none" | "duplicate" | "stale-timestamp" | "bad-signature" | "tampered-body";
        RedeliverRequest: {
            /** @default none */
            mutate?: components["schemas"]["RedeliverMutation"];
            /**
             * @description Where to send it instead of the task's `callback_url` (needed when it has none). The
             *     callback URL rules apply: `https://` (or `http://` when the mock allows local
             *     callbacks), at most 2048 characters, a public host.
             */
            url?: components["schemas"]["CallbackUrl"];
        };
        RedeliverAccepted: {
            taskId: string;
            /** @description The `webhook-id` of the new delivery. */
            webhookId: string;
            mutate: components["schemas"]["RedeliverMutation"];
            /**
             * Format: uri
             * @description Where the delivery goes.
             */
            url: string;
        };
        ClockState: {
            mode: components["schemas"]["ClockMode"];
            /** @description ms since epoch. */
            now: number;
            /**
             * Format: date-time
             * @description The same instant as an ISO 8601 date.
             */
            iso: string;
            /** @description Simulated ms per wall ms (a real clock's speed; always 1 on a manual clock). */
            factor: number;
            /** @description A real clock paused (stands still); always false on a manual clock. */
            paused: boolean;
            /** @description Timers waiting on the clock. */
            timers: number;
        };
        ClockSetRequest: {
            /** @description The instant, as ms since epoch or an ISO 8601 date. */
            at: number | string;
        };
        ClockScaleRequest: {
            /** @description Simulated ms per wall ms (10 runs ten times faster, 0.5 at half speed). */
            factor: number;
        };
        ClockAdvanceRequest: {
            /** @description Milliseconds to move forward. */
            ms: number;
        };
        ClockAdvanced: {
            mode: components["schemas"]["ClockMode"];
            now: number;
            /** Format: date-time */
            iso: string;
        };
        /**
         * @description `in_flight` until it ends; `delivered` (a 2xx), `failed` (another status, or the request
         *     failed), `timeout` (no answer in 10 s), `refused` (the host is not allowed), `abandoned`
         *     (the server was reset or closed), `dropped` (never sent: the `missed-callback` chaos
         *     profile lost it).
         * @enum {string}
         */
        DeliveryOutcome: "in_flight" | "delivered" | "failed" | "timeout" | "refused" | "abandoned" | "dropped";
        /** @description One callback attempt. */
        DeliveryAttempt: {
            /** @description The `webhook-id`, the same for every attempt of one delivery. */
            webhookId: string;
            taskId: string;
            url: string;
            /** @description 1 for the first attempt, 2–4 for the retries. */
            attempt: number;
            /** @description A redelivery's alteration; null for the task's own callback. */
            mutate: components["schemas"]["RedeliverMutation"] | null;
            /** @description The chaos profile that dropped, duplicated or held this delivery, if one did. */
            chaos?: components["schemas"]["ChaosProfile"] | null;
            /**
             * @description The W3C Trace Context `traceparent` sent with this attempt: the task's trace id (the one its
             *     create request carried, or one the mock started) and a new span id per attempt.
             * @example 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
             */
            traceparent?: string;
            /**
             * @description False when the mock sends unsigned callbacks (`--unsigned-callbacks`): the request then has
             *     no `webhook-timestamp` or `webhook-signature` header.
             */
            signed: boolean;
            /** @description When it started, ms since epoch by the server's clock. */
            at: number;
            /** @description When it ended by the server's clock; null while in flight. */
            endedAt: number | null;
            /** @description Real milliseconds it took; null while in flight. */
            durationMs: number | null;
            outcome: components["schemas"]["DeliveryOutcome"];
            /** @description The receiver's HTTP status, when it answered. */
            status: number | null;
            /** @description Why it failed, in words. */
            error: string | null;
            /** @description When the next retry is due by the server's clock, if one is. */
            nextRetryAt: number | null;
            request: {
                /** @description The headers sent, by lowercase name. */
                headers: {
                    [key: string]: string;
                };
                /** @description The body sent, as text. */
                body: string;
            };
        };
        DeliveryList: {
            data: components["schemas"]["DeliveryAttempt"][];
        };
        IdleRequest: {
            /**
             * @description Real milliseconds to wait at most.
             * @default 5000
             */
            timeoutMs?: number;
        };
        IdleResult: {
            /** @description False when `timeoutMs` passed first. */
            idle: boolean;
            /** @description Attempts still in flight. */
            inFlight: number;
        };
        /**
         * @description The error an injected fault answers.
         * @enum {integer}
         */
        FaultStatus: 429 | 500 | 502 | 503;
        /** @description What a fault does. */
        FaultFields: {
            status?: components["schemas"]["FaultStatus"];
            /**
             * @description How many requests it applies to.
             * @default 1
             */
            count?: number;
            /** @description Real milliseconds to wait before answering. */
            delayMs?: number;
            /** @description `Retry-After` seconds for a 429, 502 or 503 (default 1). */
            retryAfter?: number;
            /** @description Only requests whose path starts with this (default every `/v1/` request). */
            path?: string;
        };
        /** @description A fault to inject; it needs a `status`, a `delayMs` above 0, or both. */
        FaultSpec: components["schemas"]["FaultFields"];
        /** @description An injected fault, as added, with what is left of it. */
        Fault: components["schemas"]["FaultFields"] & {
            /** @description As added, the default filled in. */
            count: number;
            id: number;
            /** @description Requests it still applies to. */
            remaining: number;
        };
        FaultList: {
            data: components["schemas"]["Fault"][];
        };
        FaultAdded: {
            fault: components["schemas"]["Fault"];
            /** @description Every fault still to apply, this one included. */
            data: components["schemas"]["Fault"][];
        };
        /**
         * @description A named misbehaviour (the mock-server README's table gives each one's parameters):
         *     `flaky-gateway` (a share of the keyed `/v1/` requests answer 429, 502 or 503),
         *     `slow-provider` (processing takes several times longer), `missed-callback` (a share of the
         *     callbacks are never sent), `duplicate-callback` (callbacks are delivered twice with one
         *     `webhook-id`), `late-callback` (callbacks are held well past the task's end).
         * @enum {string}
         */
        ChaosProfile: "flaky-gateway" | "slow-provider" | "missed-callback" | "duplicate-callback" | "late-callback";
        ChaosGatewayStatus: {
            /** @enum {integer} */
            status: 429 | 502 | 503;
            /** @description Its share among the statuses of a faulted request. */
            weight: number;
            /** @description `Retry-After` seconds sent with it; null: none. */
            retryAfter: number | null;
            /**
             * @description `before`: the request never reaches the API (nothing is created or charged); `after`:
             *     the API handled it (a create is created and charged) and the gateway lost its answer.
             * @enum {string}
             */
            when: "before" | "after";
        };
        /** @description What a profile does; absent parts are left alone. */
        ChaosParameters: {
            /** @description Faults on the keyed `/v1/` routes (creates, task reads, credits, models). */
            gateway?: {
                /** @description Share of requests (0..1) answered with one of `statuses`. */
                share: number;
                statuses: components["schemas"]["ChaosGatewayStatus"][];
            };
            /** @description Each new task's processing time is multiplied by a factor drawn from this range. */
            processing?: {
                multiplier: number[];
            };
            /** @description What happens to the callback a task sends when it ends on its own timeline. */
            callbacks?: {
                /** @description Share (0..1) never sent (logged as `dropped`). */
                missShare?: number;
                /** @description Share (0..1) sent a second time, same `webhook-id` and body. */
                duplicateShare?: number;
                /** @description How long after the first delivery starts the duplicate is sent. */
                duplicateAfterMs?: number;
                /** @description Share (0..1) held back past the task's end. */
                lateShare?: number;
                /** @description How long past the task's end a held callback is sent. */
                lateMs?: number;
            };
        };
        ChaosProfileEntry: {
            name: components["schemas"]["ChaosProfile"];
            summary: string;
            parameters: components["schemas"]["ChaosParameters"];
        };
        ChaosState: {
            /** @description The profile in force; null when none is. */
            profile: components["schemas"]["ChaosProfile"] | null;
            /** @description The seed its decisions are drawn from (null when none is in force). */
            seed: string | null;
            /** @description Gateway decisions drawn since the profile was put in force. */
            draws: number;
            parameters: components["schemas"]["ChaosParameters"] | null;
            /** @description Every profile the mock knows. */
            profiles: components["schemas"]["ChaosProfileEntry"][];
        };
        SetChaosRequest: {
            profile: components["schemas"]["ChaosProfile"];
            /** @description Seeds the profile's decisions (default the server's `--seed`). */
            seed?: string;
        };
        ModelStateEntry: {
            model_id: string;
            display_name: string;
            lifecycle: components["schemas"]["ModelLifecycle"];
            state: components["schemas"]["ModelState"];
        };
        ModelStateList: {
            data: components["schemas"]["ModelStateEntry"][];
        };
        SetModelStateRequest: {
            /** @description A model the mock serves. */
            model: string;
            /**
             * @description The new state, or `null` for the one the start options give.
             * @enum {unknown}
             */
            state: "available" | "degraded" | "unavailable" | "retired" | null;
        };
        SetModelStateResult: {
            model: components["schemas"]["ModelStateEntry"];
            data: components["schemas"]["ModelStateEntry"][];
        };
        SetCreditsRequest: {
            apiKey: string;
            /**
             * @description Remaining credits to set. At most 100 billion: balances are kept in UC (1/10,000
             *     credit) as whole numbers, and larger ones would no longer be exact (from about 1.8e305
             *     they would overflow to `Infinity`).
             */
            credits: number;
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
        /** @description The video URL(s), valid for 24 hours; present only when `status` is `completed`. */
        TaskResults: string[];
        /** @description One result with its details (the vendor's newest form of `results`). */
        TaskResultData: {
            /** Format: uri */
            video_url: string;
        };
        /** @description Task info of a task that has ended; it can no longer be cancelled. */
        FinishedTaskInfo: components["schemas"]["TaskInfo"] & {
            /** @constant */
            can_cancel?: false;
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
        /**
         * Format: uri
         * @description Where to POST the finished task. `https://` only, at most 2048 characters, and the host
         *     must not be a loopback, private or link-local address in any spelling (127.0.0.0/8,
         *     10/8, 172.16/12, 192.168/16, 169.254/16, 0.0.0.0, ::1, fc00::/7, fe80::/10, mapped or
         *     numeric forms of them, `localhost`).
         * @example https://your-domain.com/webhooks/video-task-completed
         */
        CallbackUrl: string;
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
        /**
         * @description Where the model is in its life, from its profile (`retired` once it is no longer served).
         * @enum {string}
         */
        ModelLifecycle: "active" | "preview" | "deprecated" | "retired";
        /**
         * @description Whether a model is served right now. `available`; `degraded`: accepted, tasks take longer;
         *     `unavailable`: creates answer 503 for now; `retired`: creates answer 403
         *     `model_access_denied` and it will not come back.
         * @enum {string}
         */
        ModelState: "available" | "degraded" | "unavailable" | "retired";
    };
    responses: {
        /** @description A body field or query parameter breaks a rule (`param` names it), or the body is not a JSON object. */
        AdminBadRequest: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The server runs with an admin token and the request did not send it. */
        AdminUnauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A browser sent this state-changing request on behalf of another site. */
        CrossSiteForbidden: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No stored task has this id. */
        AdminTaskNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The mock does not serve this model. */
        AdminModelNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request does not fit the state (the task has or has not ended, the clock's mode, a time before the newest task). */
        AdminConflict: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is over 1 MiB. */
        AdminRequestTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Any other error (a wrong method, a server failure), in the same envelope. */
        AdminUnexpectedError: {
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
        /** @description The task's id. Any text is looked up; an unknown, expired or malformed id answers 404. */
        AdminTaskId: string;
    };
    requestBodies: never;
    headers: {
        /** @description An id for this request, to quote when reporting a problem. */
        RequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAdminIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The routes. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminIndex"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    getMockConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The options. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MockConfig"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    resetMock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    seedTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedRequest"];
            };
        };
        responses: {
            /** @description The tasks created, in the order they were created. */
            201: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedResult"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    listMockTasks: {
        parameters: {
            query?: {
                /** @description Only tasks in this status now. */
                status?: components["schemas"]["TaskStatus"];
                /** @description Only this API key's tasks (an empty value means every key). */
                api_key?: string;
                /** @description The most tasks in `data`. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest matching tasks. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminTaskList"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    getMockTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The task's id. Any text is looked up; an unknown, expired or malformed id answers 404. */
                id: components["parameters"]["AdminTaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminTask"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminTaskNotFound"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    cancelMockTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The task's id. Any text is looked up; an unknown, expired or malformed id answers 404. */
                id: components["parameters"]["AdminTaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task, now cancelled. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminTask"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            404: components["responses"]["AdminTaskNotFound"];
            409: components["responses"]["AdminConflict"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    redeliverMockTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The task's id. Any text is looked up; an unknown, expired or malformed id answers 404. */
                id: components["parameters"]["AdminTaskId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RedeliverRequest"];
            };
        };
        responses: {
            /** @description The delivery has started. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliverAccepted"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            404: components["responses"]["AdminTaskNotFound"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    getMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    advanceMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvanceRequest"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockAdvanced"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    setMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockSetRequest"];
            };
        };
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    scaleMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockScaleRequest"];
            };
        };
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    pauseMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    resumeMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    resetMockClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            409: components["responses"]["AdminConflict"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    listMockDeliveries: {
        parameters: {
            query?: {
                /** @description Only this task's attempts (an empty value means every task). */
                task_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempts. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    waitForMockDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IdleRequest"];
            };
        };
        responses: {
            /** @description Whether the deliveries went idle in time. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdleResult"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    listMockFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    injectMockFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultSpec"];
            };
        };
        responses: {
            /** @description The fault added, and every fault still to apply. */
            201: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultAdded"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    clearMockFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No fault is left. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    setMockCredits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCreditsRequest"];
            };
        };
        responses: {
            /** @description The key's balance. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditsResponse"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    listMockModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelStateList"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    setMockModelState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetModelStateRequest"];
            };
        };
        responses: {
            /** @description The model's state, and every model's. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetModelStateResult"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            404: components["responses"]["AdminModelNotFound"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    getMockChaos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chaos in force, and every profile. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChaosState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    setMockChaos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetChaosRequest"];
            };
        };
        responses: {
            /** @description The chaos now in force. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChaosState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            413: components["responses"]["AdminRequestTooLarge"];
            default: components["responses"]["AdminUnexpectedError"];
        };
    };
    clearMockChaos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No profile is in force. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChaosState"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["CrossSiteForbidden"];
            default: components["responses"]["AdminUnexpectedError"];
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
export const adminRouteMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AdminRoute"]["method"]> = ["GET", "POST", "DELETE"];
export const clockModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ClockMode"]> = ["real", "manual"];
export const redeliverMutationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RedeliverMutation"]> = ["none", "duplicate", "stale-timestamp", "bad-signature", "tampered-body"];
export const deliveryOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeliveryOutcome"]> = ["in_flight", "delivered", "failed", "timeout", "refused", "abandoned", "dropped"];
export const faultStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FaultStatus"]> = [429, 500, 502, 503];
export const chaosProfileValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChaosProfile"]> = ["flaky-gateway", "slow-provider", "missed-callback", "duplicate-callback", "late-callback"];
export const chaosGatewayStatusStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChaosGatewayStatus"]["status"]> = [429, 502, 503];
export const chaosGatewayStatusWhenValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChaosGatewayStatus"]["when"]> = ["before", "after"];
export const apiErrorTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApiErrorType"]> = ["invalid_request_error", "authentication_error", "insufficient_quota", "rate_limit_error", "request_too_large_error", "api_error", "upstream_error", "service_unavailable_error"];
export const taskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskStatus"]> = ["pending", "processing", "completed", "failed"];
export const taskObjectKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskObjectKind"]> = ["video.generation.task", "image.generation.task", "audio.generation.task"];
export const taskOutputTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskOutputType"]> = ["text", "image", "audio", "video"];
export const taskUsageBilling_ruleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskUsage"]["billing_rule"]> = ["per_call", "per_token", "per_second"];
export const taskBillingCharge_statusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskBilling"]["charge_status"]> = ["unknown", "reserved", "charged", "released"];
export const taskBillingRefund_statusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskBilling"]["refund_status"]> = ["unknown", "not_required", "pending", "failed", "completed"];
export const pendingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingTask"]["status"]> = ["pending"];
export const processingTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessingTask"]["status"]> = ["processing"];
export const completedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CompletedTask"]["status"]> = ["completed"];
export const taskFailureCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskFailureCode"]> = ["content_policy_violation", "invalid_parameters", "image_processing_error", "image_dimension_mismatch", "request_cancelled", "generation_failed_no_content", "service_error", "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "resource_not_found", "unknown_error"];
export const failedTaskStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FailedTask"]["status"]> = ["failed"];
export const modelLifecycleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModelLifecycle"]> = ["active", "preview", "deprecated", "retired"];
export const modelStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModelState"]> = ["available", "degraded", "unavailable", "retired"];
