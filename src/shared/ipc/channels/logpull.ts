import { z } from 'zod';
import { BUCKET_CHOICES, type Histogram } from '../../logs';
import { emptyRequest } from './app';
import { event, request } from './declare';

const logGroupName = z.string().trim().min(1).max(512);
const epochMs = z.number().finite().min(0);

/** Request to pull log groups of the active environment into the local index. */
export const pullRequest = z
  .object({
    logGroups: z.array(logGroupName).min(1).max(20),
    /** Only streams whose names start with one of these. */
    streamPrefixes: z.array(z.string().min(1).max(512)).max(10).default([]),
    /** A range to pull, epoch ms [from, to); or `refresh` for what is new since the last pull. */
    from: epochMs.optional(),
    to: epochMs.optional(),
    refresh: z.boolean().default(false),
    /** A CloudWatch filter pattern; CloudWatch itself checks its syntax. */
    filterPattern: z.string().max(1024).optional(),
  })
  .strict()
  .refine((pull) => pull.refresh || (pull.from !== undefined && pull.to !== undefined), {
    message: 'give a time range (from and to) or ask for a refresh',
  })
  .refine((pull) => pull.refresh || pull.from! < pull.to!, {
    message: 'the range must end after it starts',
  });

/** Request naming one running pull. */
export const pullIdRequest = z.object({ pullId: z.string().min(1).max(100) }).strict();

/** Request for the expected volume of a range, or its histogram from Logs Insights. */
export const rangeRequest = z
  .object({
    logGroups: z.array(logGroupName).min(1).max(20),
    from: epochMs,
    to: epochMs,
    filterPattern: z.string().max(1024).optional(),
  })
  .strict()
  .refine((range) => range.from < range.to, { message: 'the range must end after it starts' });

/** Request for a Logs Insights histogram of a range. */
export const insightsHistogramRequest = z
  .object({
    logGroups: z.array(logGroupName).min(1).max(20),
    from: epochMs,
    to: epochMs,
    bucket: z.enum(BUCKET_CHOICES).default('auto'),
    timeZone: z.string().min(1).max(100),
  })
  .strict()
  .refine((range) => range.from < range.to, { message: 'the range must end after it starts' });

/** Request to follow one log stream as events arrive. */
export const tailRequest = z
  .object({
    logGroup: logGroupName,
    logStream: z.string().min(1).max(512),
    /** Epoch ms to start from; by default the last few minutes. */
    from: epochMs.optional(),
  })
  .strict();

/** Request naming one running tail. */
export const tailIdRequest = z.object({ tailId: z.string().min(1).max(100) }).strict();

/** Request for the streams of one log group. */
export const streamsRequest = z.object({ logGroup: logGroupName }).strict();

/** Parsed request types, as services receive them. */
export type PullRequest = z.output<typeof pullRequest>;
export type RangeRequest = z.output<typeof rangeRequest>;
export type InsightsHistogramRequest = z.output<typeof insightsHistogramRequest>;
export type TailRequest = z.output<typeof tailRequest>;

/** Where a pull stands, sent as it runs and once at its end. */
export interface PullProgress {
  pullId: string;
  environment: string;
  logGroups: string[];
  state: 'running' | 'done' | 'cancelled' | 'failed';
  events: number;
  /** Bytes as CloudWatch counts them: message plus 26 per event. */
  bytes: number;
  /** Events CloudWatch returned twice, dropped by id. */
  duplicates: number;
  eventsPerSecond: number;
  bytesPerSecond: number;
  /** 0 to 1, by the share of the time range read. */
  fractionDone: number;
  /** Estimated seconds to the end; absent until it can be told. */
  secondsLeft?: number;
  elapsedMs: number;
  /** Why nothing moves for a while, e.g. AWS throttling. */
  notice?: string;
  /** At the end: the reason of a failure, or e.g. that the range held no events. */
  message?: string;
}

/** The pull the service started. */
export interface PullStarted {
  pullId: string;
}

/** A log group of the environment and what was pulled of it. */
export interface PullableGroup {
  name: string;
  /** Bytes CloudWatch stores for the group, when known. */
  storedBytes?: number;
  /** The end of the newest range pulled (epoch ms), for refresh. */
  pulledUntil?: number;
  /** A pull that stopped before its end and will resume. */
  unfinished: boolean;
}

/** How much a range holds, estimated from the groups' stored bytes. */
export interface RangeEstimate {
  estimatedBytes: number;
  /** Past this, pulling is refused in favour of a Logs Insights histogram. */
  localLimitBytes: number;
  beyondLocalLimit: boolean;
}

/** A histogram whose counts CloudWatch Logs Insights computed where the data is. */
export interface InsightsHistogram extends Histogram {
  computedBy: 'cloudwatch';
  logGroups: string[];
  recordsScanned: number;
}

/** One event of a followed stream. */
export interface TailLine {
  timestamp: number;
  message: string;
}

/** New events of a followed stream. */
export interface TailLines {
  tailId: string;
  logGroup: string;
  logStream: string;
  lines: TailLine[];
  /** Set when following stopped, e.g. the stream was deleted or access was refused. */
  stopped?: string;
}

/** Channels for pulling CloudWatch Logs into the local index. */
export const logPullRequestChannels = {
  'logs:pullGroups': request<PullableGroup[]>()(emptyRequest),
  'logs:pullStreams': request<string[]>()(streamsRequest),
  'logs:pull': request<PullStarted>()(pullRequest),
  'logs:pullCancel': request<boolean>()(pullIdRequest),
  'logs:pullEstimate': request<RangeEstimate>()(rangeRequest),
  'logs:insightsHistogram': request<InsightsHistogram>()(insightsHistogramRequest),
  'logs:tail': request<{ tailId: string }>()(tailRequest),
  'logs:tailStop': request<boolean>()(tailIdRequest),
};

/** Events of pulls and tails. */
export const logPullEventChannels = {
  'logs:pullProgress': event<PullProgress>(),
  'logs:tailLines': event<TailLines>(),
};
