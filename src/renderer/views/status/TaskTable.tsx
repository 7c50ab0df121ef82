import type { TaskContainerStatus, TaskStatus } from '../../../shared/status';
import { CommitHash } from './Identifiers';
import { shortDateTime } from '../../format/dateTime';
import { stateWord } from './model/statusFormat';

/**
 * Tasks with their state, times and, once stopped, why: the stop code and
 * each container's exit code and reason (the task's own reason is usually
 * only "Essential container in task exited").
 */
export function TaskTable({
  tasks,
  now,
  showDefinition = false,
  emptyText = 'No tasks.',
}: {
  tasks: TaskStatus[];
  now: number;
  showDefinition?: boolean;
  emptyText?: string;
}) {
  if (tasks.length === 0) return <p className="muted status-empty">{emptyText}</p>;
  return (
    <table className="status-table task-table">
      <thead>
        <tr>
          <th>Task</th>
          {showDefinition && <th>Definition</th>}
          <th>Status</th>
          <th>Health</th>
          <th>Started</th>
          <th>Stopped</th>
          <th>Containers: commit, or why they stopped</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr
            key={task.taskArn}
            data-testid="task-row"
            data-task-id={task.taskId}
            data-last-status={task.lastStatus ?? ''}
            className={task.lastStatus === 'STOPPED' ? 'task-stopped' : undefined}
          >
            <td>
              <code title={task.taskArn}>{task.taskId.slice(0, 8)}</code>
            </td>
            {showDefinition && <td>{task.taskDefinition}</td>}
            <td>
              <span className={`state state-${stateWord(task.lastStatus).replace(/ /g, '-')}`}>
                {stateWord(task.lastStatus)}
              </span>
              {task.desiredStatus && task.desiredStatus !== task.lastStatus && (
                <span className="muted"> → {stateWord(task.desiredStatus)}</span>
              )}
            </td>
            <td>{stateWord(task.healthStatus)}</td>
            <td>{shortDateTime(task.startedAt, now)}</td>
            <td>{shortDateTime(task.stoppedAt, now)}</td>
            <td className="task-reason">
              {task.lastStatus === 'STOPPED' ? (
                <StopReason task={task} />
              ) : (
                <TaskImages task={task} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StopReason({ task }: { task: TaskStatus }) {
  return (
    <>
      {task.stopCode && <span className="stop-code">{task.stopCode}</span>}
      {task.stoppedReason && <span className="muted"> {task.stoppedReason}</span>}
      {task.containers.map((container) => (
        <div key={container.containerName} className="container-exit" data-testid="container-exit">
          <strong>{container.containerName}</strong>: {exitText(container)}
          {container.reason && <span> — {container.reason}</span>}
        </div>
      ))}
    </>
  );
}

function TaskImages({ task }: { task: TaskStatus }) {
  return (
    <>
      {task.containers.map((container) => (
        <div key={container.containerName} className="muted">
          {container.containerName}:{' '}
          {container.imageDigest ? (
            <CommitHash commitHash={container.commitHash} />
          ) : (
            stateWord(container.lastStatus)
          )}
        </div>
      ))}
    </>
  );
}

function exitText(container: TaskContainerStatus): string {
  return container.exitCode === null ? 'no exit code' : `exit ${container.exitCode}`;
}
