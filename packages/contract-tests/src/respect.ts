// Runs the spec's Arazzo workflows with `redocly respect` and reads its JSON report: what failed, and
// whether every answer of a spec'd operation was checked against the spec (status, content type, schema).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

/** The workflows file as the spec package ships it. */
export const WORKFLOWS_FILE = join(
  dirname(require.resolve('@videotask/spec/package.json')),
  'workflows',
  'video-task.arazzo.yaml',
);

const REDOCLY_BIN = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));

/** The checks respect makes on every answer of an operation described in the OpenAPI document. */
export const SPEC_CHECKS = ['status code check', 'content-type check', 'schema check'] as const;

interface ArazzoStep {
  stepId: string;
  operationId?: string;
  requestBody?: { payload?: unknown };
}
export interface ArazzoDocument {
  arazzo: string;
  sourceDescriptions: { name: string; url: string; type: string }[];
  workflows: { workflowId: string; steps: ArazzoStep[] }[];
}

export async function readWorkflows(file = WORKFLOWS_FILE): Promise<ArazzoDocument> {
  return parse(await readFile(file, 'utf8')) as ArazzoDocument;
}

/** The models the workflows create tasks of (each create step's literal `model`). */
export function workflowModels(doc: ArazzoDocument): string[] {
  const models = doc.workflows.flatMap((w) =>
    w.steps.map((s) => (s.requestBody?.payload as { model?: unknown } | undefined)?.model),
  );
  return [...new Set(models.filter((m): m is string => typeof m === 'string'))];
}

export interface RespectCheck {
  name: string;
  passed: boolean;
  message: string;
  severity: string;
}
export interface RespectStep {
  stepId: string;
  workflowId: string;
  status: string;
  /** Set on an attempt that a retry action repeated. */
  retriesLeft?: number;
  checks: RespectCheck[];
  response?: { statusCode: number };
}
export interface RespectWorkflow {
  workflowId: string;
  status: string;
  globalTimeoutError?: boolean;
  executedSteps: RespectStep[];
}
/** The parts of respect's `--json-output` this suite reads. */
export interface RespectReport {
  status: string;
  totalTime: number;
  files: Record<string, { executedWorkflows: RespectWorkflow[]; globalTimeoutError?: boolean }>;
}

export interface RespectOptions {
  /** The base URL the source description's operations are sent to (`--server name=URL`). */
  serverUrl: string;
  inputs: Record<string, string>;
  /** Only these workflows (default every one). */
  workflows?: string[];
  /** Every workflow but these. */
  skip?: string[];
  file?: string;
}

export interface RespectRun {
  exitCode: number | null;
  /** respect's console output (colours off), for a failure message. */
  output: string;
  report: RespectReport;
}

/** The command line of one run; the inputs go in the environment, so the API key is not in `ps`. */
async function respectArgs(options: RespectOptions, jsonOut: string): Promise<string[]> {
  const file = options.file ?? WORKFLOWS_FILE;
  const [source] = (await readWorkflows(file)).sourceDescriptions;
  if (!source) throw new Error(`${file} names no source description`);
  const args = ['respect', file, '--server', `${source.name}=${options.serverUrl}`, '--json-output', jsonOut];
  if (options.workflows?.length) args.push('--workflow', ...options.workflows);
  if (options.skip?.length) args.push('--skip', ...options.skip);
  return args;
}

/** Runs respect as its own process (asynchronously: a proxy in this process keeps answering it). */
export async function runRespect(options: RespectOptions): Promise<RespectRun> {
  const dir = await mkdtemp(join(tmpdir(), 'videotask-respect-'));
  const jsonOut = join(dir, 'respect.json');
  try {
    const args = await respectArgs(options, jsonOut);
    const child = spawn(REDOCLY_BIN, args, {
      env: {
        ...process.env,
        REDOCLY_CLI_RESPECT_INPUT: JSON.stringify(options.inputs),
        // Offline: no telemetry, no update check.
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    let report: RespectReport;
    try {
      report = JSON.parse(await readFile(jsonOut, 'utf8')) as RespectReport;
    } catch {
      throw new Error(`redocly respect wrote no JSON report (exit ${exitCode}):\n${output}`);
    }
    return { exitCode, output, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every workflow run in the report, whatever file it came from. */
export const executedWorkflows = (report: RespectReport): RespectWorkflow[] =>
  Object.values(report.files).flatMap((f) => f.executedWorkflows);

/** The attempts of one step in a workflow's run, in order (a retried step has several). */
export const attemptsOf = (workflow: RespectWorkflow, stepId: string): RespectStep[] =>
  workflow.executedSteps.filter((s) => s.stepId === stepId);

/**
 * Whether a failed check is the expected kind of miss: a success criterion of an attempt that a retry
 * action repeated (a task polled while still running). Any other failed check is a problem.
 */
function isRetriedMiss(step: RespectStep, check: RespectCheck): boolean {
  return check.name === 'success criteria check' && (step.retriesLeft ?? 0) > 0;
}

/** One step attempt's problems: failed checks, and spec checks missing on a spec'd operation. */
function stepProblems(step: RespectStep, specd: boolean): string[] {
  const at = `${step.workflowId}/${step.stepId}`;
  const problems = step.checks
    .filter((c) => !c.passed && !isRetriedMiss(step, c))
    .map((c) => `${at}: ${c.name} failed: ${c.message.split('\n').slice(0, 6).join(' ').trim()}`);
  if (specd) {
    const missing = SPEC_CHECKS.filter((name) => !step.checks.some((c) => c.name === name));
    if (missing.length)
      problems.push(`${at}: the answer was not checked against the spec (${missing.join(', ')})`);
  }
  return problems;
}

/**
 * Everything wrong with a run, one line each (empty when it all held): a workflow that did not run or
 * did not succeed, a failed check, and an answer of a spec'd operation that was not checked.
 */
export function respectProblems(report: RespectReport, doc: ArazzoDocument, expected: string[]): string[] {
  const runs = executedWorkflows(report);
  const problems: string[] = [];
  for (const id of expected) {
    const count = runs.filter((w) => w.workflowId === id).length;
    if (count !== 1) problems.push(`${id}: ran ${count} times, not once`);
  }
  for (const run of runs) {
    const described = doc.workflows.find((w) => w.workflowId === run.workflowId);
    if (run.status !== 'success') problems.push(`${run.workflowId}: ${run.status}`);
    if (run.globalTimeoutError) problems.push(`${run.workflowId}: respect's global timeout`);
    for (const step of run.executedSteps) {
      const specd = Boolean(described?.steps.find((s) => s.stepId === step.stepId)?.operationId);
      problems.push(...stepProblems(step, specd));
    }
  }
  if (report.status !== 'success' && problems.length === 0) problems.push(`respect: ${report.status}`);
  return problems;
}
