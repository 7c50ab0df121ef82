import type { LogStore } from './logs/store';
import type { InsightsQuery } from './logs/insights';
import type { Random } from './random';
import type { XmlValue } from './wire/xml';

/** A name and value pair, as ECS writes environment variables. */
export interface KeyValue {
  name: string;
  value: string;
}

/** A container of a task definition, in ECS's wire shape. */
export interface ContainerDefinition {
  name: string;
  image: string;
  essential: boolean;
  cpu: number;
  memory: number;
  command?: string[];
  environment: KeyValue[];
  logConfiguration: { logDriver: 'awslogs'; options: Record<string, string> };
}

/** A registered task definition revision, in ECS's wire shape. */
export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  containerDefinitions: ContainerDefinition[];
  cpu: string;
  memory: string;
  networkMode: 'awsvpc';
  requiresCompatibilities: ['FARGATE'];
  compatibilities: ['EC2', 'FARGATE'];
  executionRoleArn: string;
  taskRoleArn: string;
  registeredAt: Date;
  registeredBy: string;
}

/** One deployment of a service; `rolloutState` tells whether it settled. */
export interface ServiceDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: Date;
  updatedAt: Date;
  launchType: 'FARGATE';
  rolloutState: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';
  rolloutStateReason: string;
}

/** A long-running ECS service, in ECS's wire shape. */
export interface EcsService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE';
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType: 'FARGATE';
  platformVersion: string;
  taskDefinition: string;
  deployments: ServiceDeployment[];
  events: { id: string; createdAt: Date; message: string }[];
  createdAt: Date;
  createdBy: string;
  schedulingStrategy: 'REPLICA';
  deploymentConfiguration: {
    deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
    maximumPercent: number;
    minimumHealthyPercent: number;
  };
}

/** A container of a task, in ECS's wire shape; failures carry `reason`. */
export interface TaskContainer {
  containerArn: string;
  taskArn: string;
  name: string;
  image: string;
  imageDigest?: string;
  runtimeId?: string;
  lastStatus: string;
  exitCode?: number;
  reason?: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  cpu: string;
  memory: string;
}

/** A task (service replica or one-shot workflow run), in ECS's wire shape. */
export interface EcsTask {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: 'RUNNING' | 'STOPPED';
  containers: TaskContainer[];
  createdAt: Date;
  pullStartedAt?: Date;
  pullStoppedAt?: Date;
  startedAt?: Date;
  stoppingAt?: Date;
  stoppedAt?: Date;
  stopCode?: 'EssentialContainerExited' | 'UserInitiated' | 'ServiceSchedulerInitiated';
  stoppedReason?: string;
  executionStoppedAt?: Date;
  group: string;
  startedBy?: string;
  launchType: 'FARGATE';
  platformVersion: string;
  cpu: string;
  memory: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  availabilityZone: string;
  connectivity: string;
  overrides: { containerOverrides: { name?: string; environment?: KeyValue[] }[] };
  version: number;
}

/** What a RunTask answered, kept per client token so a retry gets the same task. */
export interface RunTaskAnswer {
  taskArns: string[];
  failures: { arn: string; reason: string; detail?: string }[];
}

/** An ECR repository, in ECR's wire shape. */
export interface Repository {
  repositoryArn: string;
  registryId: string;
  repositoryName: string;
  repositoryUri: string;
  createdAt: Date;
  imageTagMutability: 'MUTABLE';
}

/** An image in ECR, in the wire shape of DescribeImages. */
export interface ImageDetail {
  registryId: string;
  repositoryName: string;
  imageDigest: string;
  imageTags?: string[];
  imageSizeInBytes: number;
  imagePushedAt: Date;
  imageManifestMediaType: string;
  artifactMediaType: string;
}

/** An RDS record (instance, snapshot) kept in the XML shape DescribeDB* answers with. */
export type RdsRecord = Record<string, XmlValue>;

/** A Lambda function, in the wire shape of GetFunction's Configuration. */
export interface LambdaFunction {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  Handler: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  State: 'Active';
  LastUpdateStatus: 'Successful';
  PackageType: 'Zip';
  Architectures: string[];
  LoggingConfig: { LogFormat: 'Text'; LogGroup: string };
}

/** What an invocation answered, kept per idempotency key so a repeat does not run again. */
export interface InvocationAnswer {
  payload: string;
  functionError?: 'Unhandled';
  logTail: string;
}

/** Facts about the seeded demo account that tests and the UI's practice mode rely on. */
export interface DemoFacts {
  accountId: string;
  region: string;
  callerArn: string;
  callerUserId: string;
  clusterName: string;
  clusterArn: string;
  services: string[];
  repositoryName: string;
  repositoryUri: string;
  /** The image the services run now (pinned by digest in their task definitions). */
  runningImage: { commitHash: string; imageDigest: string };
  /** The image the services ran before, which rollback returns to. */
  previousImage: { commitHash: string; imageDigest: string };
  /** The newest image, tagged `latest` too: built, not yet deployed. */
  latestImage: { commitHash: string; imageDigest: string };
  dbInstanceIdentifier: string;
  workflows: { name: string; kind: 'lambda' | 'ecs-task' }[];
  logGroups: string[];
}

/** Everything the sandbox's AWS account holds; replaced whole on reset. */
export interface SandboxWorld {
  facts: DemoFacts;
  /** Ids for things created while running, deterministic per seed. */
  random: Random;
  ecs: {
    taskDefinitions: TaskDefinition[];
    services: EcsService[];
    tasks: EcsTask[];
    runTaskTokens: Map<string, RunTaskAnswer>;
  };
  ecr: { repositories: Repository[]; images: ImageDetail[] };
  rds: { instances: RdsRecord[]; snapshots: RdsRecord[] };
  lambda: { functions: LambdaFunction[]; answers: Map<string, Promise<InvocationAnswer>> };
  logs: LogStore;
  insights: Map<string, InsightsQuery>;
}
