import { AwsError } from './errors';

/** How the next run of a workflow fails, when the sandbox is told to fail it. */
export type FaultMode = 'exit-1' | 'failures' | 'function-error' | 'rollout-failed';

/** Which fault modes make sense for which kind of workflow. */
const MODES_BY_KIND: Record<'ecs-task' | 'lambda', readonly FaultMode[]> = {
  'ecs-task': ['exit-1', 'failures'],
  lambda: ['function-error', 'rollout-failed'],
};

/** One-shot faults armed per workflow (task definition family or function name). */
export class Faults {
  private readonly armed = new Map<string, FaultMode>();

  constructor(private readonly workflowKinds: () => Map<string, 'ecs-task' | 'lambda'>) {}

  /** Makes the next run of `workflow` fail in the given way. */
  failNext(workflow: string, mode: FaultMode): void {
    const kind = this.workflowKinds().get(workflow);
    if (!kind) throw new AwsError('ValidationError', `Unknown workflow ${workflow}.`);
    if (!MODES_BY_KIND[kind].includes(mode)) {
      const allowed = MODES_BY_KIND[kind].join(', ');
      throw new AwsError('ValidationError', `A ${kind} workflow fails with ${allowed}.`);
    }
    this.armed.set(workflow, mode);
  }

  /** Disarms and returns the fault for this run of `workflow`, if one was armed. */
  take(workflow: string): FaultMode | undefined {
    const mode = this.armed.get(workflow);
    this.armed.delete(workflow);
    return mode;
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed.clear();
  }
}
