// Runs a composite action's `run` steps the way the runner does (bash -eo pipefail, inputs with their
// defaults, GITHUB_OUTPUT per step), so a test can check a real action.yml and its outputs offline.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);

interface ActionStep {
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface ActionFile {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  outputs: Record<string, string>;
  stdout: string;
}

export class ActionStepError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

/** GITHUB_OUTPUT's `name=value` lines (single-line values are all this repository writes). */
function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** `${{ … }}` with the few contexts a composite step sees here; anything else is an error. */
function evaluate(
  text: string,
  context: {
    inputs: Record<string, string>;
    steps: Record<string, Record<string, string>>;
    actionPath: string;
  },
): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_whole, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return context.inputs[input[1] as string] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.steps[output[1] as string]?.[output[2] as string] ?? '';
    if (expression === 'github.action_path') return context.actionPath;
    throw new Error(`expression not supported by this runner: ${expression}`);
  });
}

/**
 * Runs every step of the composite action at `actionFile` with these inputs (unknown names are an
 * error, as on GitHub) and extra environment; resolves with the action's outputs, or rejects with
 * ActionStepError carrying what the failing step printed.
 */
export async function runCompositeAction(
  actionFile: string,
  given: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<ActionRun> {
  const action = parse(readFileSync(actionFile, 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`${actionFile} is not a composite action`);
  for (const name of Object.keys(given)) {
    if (!action.inputs?.[name]) throw new Error(`${actionFile} has no input ${name}`);
  }
  const inputs = Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']),
  );
  const actionPath = dirname(actionFile);
  const temp = mkdtempSync(join(env.RUNNER_TEMP ?? '/tmp', 'step-'));
  const steps: Record<string, Record<string, string>> = {};
  let stdout = '';
  for (const [index, step] of action.runs.steps.entries()) {
    if (!step.run || step.shell !== 'bash')
      throw new Error(`step ${index}: only bash run steps are supported`);
    const context = { inputs, steps, actionPath };
    const outputFile = join(temp, `output-${index}`);
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(String(value), context)]),
    );
    const result = await run(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run, context)],
      {
        env: { ...env, ...stepEnv, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile },
      },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new ActionStepError(
        `step ${step.id ?? index} failed: ${error.message}`,
        `${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    });
    stdout += result.stdout;
    if (step.id) steps[step.id] = readOutputs(outputFile);
  }
  const context = { inputs, steps, actionPath };
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, output]) => [name, evaluate(output.value, context)]),
  );
  return { outputs, stdout };
}
