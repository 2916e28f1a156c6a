// Generated from openapi.yaml and mock-admin.yaml by scripts/generate.ts. Do not edit: run `pnpm --filter @videotask/spec generate`.

import type { components } from "./openapi.generated.js";
import type { components as adminComponents } from "./mock-admin.generated.js";

/** The schema each named example of openapi.yaml illustrates. */
export interface Examples {
    BadDurationError: components["schemas"]["ErrorResponse"];
    BadPageSizeError: components["schemas"]["ErrorResponse"];
    CallbackRequest: components["schemas"]["Sora2Request"];
    CancelledTask: components["schemas"]["FailedTask"];
    CatalogHealth: components["schemas"]["CatalogHealth"];
    CatalogModels: components["schemas"]["CatalogModels"];
    CompletedTask: components["schemas"]["CompletedTask"];
    Credits: components["schemas"]["CreditsResponse"];
    FailedTask: components["schemas"]["FailedTask"];
    IdempotencyConflictError: components["schemas"]["ErrorResponse"];
    ImageToVideoRequest: components["schemas"]["Sora2Request"];
    InsufficientQuotaError: components["schemas"]["ErrorResponse"];
    InternalError: components["schemas"]["ErrorResponse"];
    InvalidTaskIdError: components["schemas"]["ErrorResponse"];
    LegacyBadRequestError: components["schemas"]["ErrorResponse"];
    MethodNotAllowedError: components["schemas"]["ErrorResponse"];
    ModelAccessDeniedError: components["schemas"]["ErrorResponse"];
    ModelList: components["schemas"]["ModelList"];
    ModelUnavailableError: components["schemas"]["ErrorResponse"];
    PendingTask: components["schemas"]["PendingTask"];
    PrivateCallbackError: components["schemas"]["ErrorResponse"];
    ProcessingTask: components["schemas"]["ProcessingTask"];
    PromptTooLongError: components["schemas"]["ErrorResponse"];
    RateLimitError: components["schemas"]["ErrorResponse"];
    RequestTooLargeError: components["schemas"]["ErrorResponse"];
    ServiceUnavailableError: components["schemas"]["ErrorResponse"];
    TaskBatch: components["schemas"]["TaskBatch"];
    TaskBatchRequest: components["schemas"]["TaskBatchRequest"];
    TaskList: components["schemas"]["TaskList"];
    TaskNotFoundError: components["schemas"]["ErrorResponse"];
    TextToVideoRequest: components["schemas"]["Sora2Request"];
    TooManyTaskIdsError: components["schemas"]["ErrorResponse"];
    UnauthorizedError: components["schemas"]["ErrorResponse"];
    UpstreamError: components["schemas"]["ErrorResponse"];
}

/** The schema each named example of mock-admin.yaml illustrates. */
export interface AdminExamples {
    AdminCancelledTask: adminComponents["schemas"]["AdminTask"];
    AdminIndex: adminComponents["schemas"]["AdminIndex"];
    AdminMethodNotAllowedError: adminComponents["schemas"]["ErrorResponse"];
    AdminModelNotFoundError: adminComponents["schemas"]["ErrorResponse"];
    AdminProcessingTask: adminComponents["schemas"]["AdminTask"];
    AdminRequestTooLargeError: adminComponents["schemas"]["ErrorResponse"];
    AdminTaskList: adminComponents["schemas"]["AdminTaskList"];
    AdminTaskNotFoundError: adminComponents["schemas"]["ErrorResponse"];
    AdminUnauthorizedError: adminComponents["schemas"]["ErrorResponse"];
    BadLimitError: adminComponents["schemas"]["ErrorResponse"];
    ChaosState: adminComponents["schemas"]["ChaosState"];
    ClockAdvanceRequest: adminComponents["schemas"]["ClockAdvanceRequest"];
    ClockAdvanced: adminComponents["schemas"]["ClockAdvanced"];
    ClockScaleRequest: adminComponents["schemas"]["ClockScaleRequest"];
    ClockSetRequest: adminComponents["schemas"]["ClockSetRequest"];
    ClockState: adminComponents["schemas"]["ClockState"];
    CrossSiteError: adminComponents["schemas"]["ErrorResponse"];
    DelayFaultSpec: adminComponents["schemas"]["FaultSpec"];
    DeliveryList: adminComponents["schemas"]["DeliveryList"];
    EmptyFaultList: adminComponents["schemas"]["FaultList"];
    FaultAdded: adminComponents["schemas"]["FaultAdded"];
    FaultList: adminComponents["schemas"]["FaultList"];
    FaultSpec: adminComponents["schemas"]["FaultSpec"];
    IdleRequest: adminComponents["schemas"]["IdleRequest"];
    IdleResult: adminComponents["schemas"]["IdleResult"];
    MockConfig: adminComponents["schemas"]["MockConfig"];
    ModelStateList: adminComponents["schemas"]["ModelStateList"];
    NoChaosState: adminComponents["schemas"]["ChaosState"];
    NotAnObjectError: adminComponents["schemas"]["ErrorResponse"];
    NotEndedError: adminComponents["schemas"]["ErrorResponse"];
    RealClockError: adminComponents["schemas"]["ErrorResponse"];
    RedeliverAccepted: adminComponents["schemas"]["RedeliverAccepted"];
    RedeliverRequest: adminComponents["schemas"]["RedeliverRequest"];
    ResetResult: adminComponents["schemas"]["ResetResult"];
    SeedRequest: adminComponents["schemas"]["SeedRequest"];
    SeedResult: adminComponents["schemas"]["SeedResult"];
    SetChaosRequest: adminComponents["schemas"]["SetChaosRequest"];
    SetCreditsRequest: adminComponents["schemas"]["SetCreditsRequest"];
    SetCreditsResult: adminComponents["schemas"]["CreditsResponse"];
    SetModelStateRequest: adminComponents["schemas"]["SetModelStateRequest"];
    SetModelStateResult: adminComponents["schemas"]["SetModelStateResult"];
}
