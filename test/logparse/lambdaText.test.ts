import { describe, expect, it } from 'vitest';
import { countBy, parseFixture } from './fixtureLog';

describe('Lambda console export of four runtimes (console-export-runtimes.log)', () => {
  const { format, events } = parseFixture('lambda-text/console-export-runtimes.log');
  const reports = events.filter((event) => event.fields.event === 'REPORT');

  it('is detected as Lambda text and keeps one event per line', () => {
    expect(format).toBe('lambda');
    expect(events).toHaveLength(45);
  });

  it('converts times with +08:00 and Z offsets to UTC', () => {
    expect(events[0].time).toBe(Date.UTC(2023, 11, 15, 6, 48, 34, 955));
    expect(events[36].time).toBe(Date.UTC(2024, 8, 13, 15, 7, 32, 913));
  });

  it('names the platform event of each line; application lines have none', () => {
    expect(countBy(events, (event) => event.fields.event ?? 'app')).toEqual({
      INIT_START: 4,
      LOGS: 4,
      EXTENSION: 4,
      START: 7,
      END: 7,
      REPORT: 7,
      app: 12,
    });
  });

  it('reads the runtime version of INIT_START', () => {
    expect(
      events
        .filter((event) => event.fields.event === 'INIT_START')
        .map((e) => e.fields.runtime_version),
    ).toEqual(['python:3.12.v16', 'provided:al2023.v10', 'provided:al2023.v10', 'ruby:3.3.v12']);
  });

  it('reads the REPORT metrics, with Init Duration only where the line has it', () => {
    expect(reports[0].fields).toMatchObject({
      request_id: '19234f5f-b2f8-4a9e-b7da-641ef9b4a181',
      duration_ms: 39.75,
      billed_duration_ms: 40,
      memory_size_mb: 128,
      max_memory_used_mb: 45,
      init_duration_ms: 175.18,
    });
    expect(reports.filter((event) => 'init_duration_ms' in event.fields)).toHaveLength(4);
    expect(reports[1].fields).not.toHaveProperty('init_duration_ms');
    expect(reports[6].fields.memory_size_mb).toBe(10240);
  });

  it('keeps billed durations above the duration on cold starts', () => {
    expect(reports[2].fields).toMatchObject({ duration_ms: 55.01, billed_duration_ms: 183 });
  });

  it('carries the request id on START, END and REPORT', () => {
    const invocation = events.slice(3, 6);
    expect(invocation.map((event) => event.fields.event)).toEqual(['START', 'END', 'REPORT']);
    expect(new Set(invocation.map((event) => event.fields.request_id))).toEqual(
      new Set(['19234f5f-b2f8-4a9e-b7da-641ef9b4a181']),
    );
  });

  it('matches application lines despite trailing spaces', () => {
    const exiting = events[11];
    expect(exiting.message).toBe('[runtime] exiting');
    expect(exiting.time).toBe(Date.UTC(2023, 11, 15, 6, 54, 29, 51));
    expect(exiting.lineCount).toBe(1);
  });
});

describe('awslogs output prefixed with the stream name (stream-prefixed-runtimes.log)', () => {
  const { format, events } = parseFixture('lambda-text/stream-prefixed-runtimes.log');
  const reports = events.filter((event) => event.fields.event === 'REPORT');

  it('is detected as Lambda text with the stream name on every event', () => {
    expect(format).toBe('lambda');
    expect(events).toHaveLength(16);
    expect(events[0].fields.log_stream).toBe(
      '2021/07/28/[$LATEST]7b4ab412d2494617934d9cd408d8f8a8',
    );
    expect(events[15].fields.log_stream).toBe(
      '2021/07/28/[$LATEST]6385a4c95a9546b0a4fb4487ca7ac607',
    );
  });

  it('reads microsecond times without zone as UTC', () => {
    expect(events[0].time).toBe(Date.UTC(2021, 6, 28, 6, 15, 5, 879));
    expect(events[0].fields.request_id).toBe('abdd9973-487b-4293-93e5-ed230703cab0');
  });

  it('reads REPORT metrics separated by runs of spaces', () => {
    expect(reports.map((event) => event.fields.init_duration_ms)).toEqual([201.85, 662.16]);
    expect(reports[1].fields).toMatchObject({
      duration_ms: 5006.06,
      billed_duration_ms: 5007,
      memory_size_mb: 512,
      max_memory_used_mb: 127,
    });
  });

  it('keeps the shutdown lines about six minutes after the invocation', () => {
    const sigterm = events.find((event) => event.message === '[runtime] SIGTERM received')!;
    const hook = events.find((event) => event.message === '[runtime] ShutdownHook triggered')!;
    expect(sigterm.time! - reports[0].time!).toBe(5 * 60_000 + 59_666);
    expect(hook.time).toBe(Date.UTC(2021, 6, 28, 14, 57, 53, 182));
  });
});

describe('CloudWatch subscription document of a Node.js invocation (subscription-node-invocation.json)', () => {
  const { format, events } = parseFixture('lambda-text/subscription-node-invocation.json');

  it('expands the document into its 19 log events', () => {
    expect(format).toBe('cloudwatch-subscription');
    expect(events).toHaveLength(19);
    expect(
      events.every((event) => event.fields.log_group === '/aws/lambda/hello-dog-node-dev-hello12x'),
    ).toBe(true);
    expect(events[0].fields.log_stream).toBe(
      '2020/03/05/[$LATEST]20bddfd5a2dc4c6b97ac02800eae90d0',
    );
  });

  it('reads Node.js runtime lines: time, request id and level', () => {
    expect(events[0].time).toBe(Date.UTC(2020, 2, 5, 16, 30, 36, 113));
    expect(events[0].fields.request_id).toBe('f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb');
    expect(countBy(events, (event) => event.level)).toEqual({
      debug: 10,
      info: 6,
      unknown: 3,
    });
  });

  it('flattens the JSON object a message ends with into fields', () => {
    expect(events[0].fields.status).toBe('debug');
    expect(events[1].fields.autoPatchHTTP).toBe(true);
    expect(events[0].fields['dd.trace_id']).toBe('3172564172058669914');
  });

  it('reads bare JSON lines, keeping huge integers exact', () => {
    expect(events[4].fields.m).toBe('aws.lambda.enhanced.invocations');
    expect(events[16].fields.traces).toContain('"start":"1583425836164691700"');
  });

  it('keeps a REPORT with its XRAY line as one event with the metrics', () => {
    const report = events[18];
    expect(report.fields).toMatchObject({
      event: 'REPORT',
      duration_ms: 619.31,
      billed_duration_ms: 700,
      memory_size_mb: 128,
      max_memory_used_mb: 118,
      xray_trace_id: '1-5e61292c-cc1229a4dfbeae1043928548',
      xray_sampled: true,
    });
    expect(report.fields).not.toHaveProperty('init_duration_ms');
    expect(report.text.split('\n')).toHaveLength(2);
    expect(events[17].fields.event).toBe('END');
  });

  it('takes the printed time over the entry timestamp and keeps both', () => {
    const differing = events.filter((event) => event.time !== event.fields.log_event_time);
    // 9 runtime lines differ from their entry; in 8 the gap exceeds rounding (SOURCES.md counts 8).
    expect(differing).toHaveLength(9);
    expect(
      differing.filter((event) => Math.abs(event.time! - Number(event.fields.log_event_time)) > 1),
    ).toHaveLength(8);
    expect(events[6].fields.log_event_time).toBe(1583425836170);
    expect(events[6].time).toBe(Date.UTC(2020, 2, 5, 16, 30, 36, 131));
  });

  it('places each event on the line of its entry in the document', () => {
    expect(events[0].lineNumber).toBe(9);
    expect(events[18].lineNumber).toBe(89);
  });
});
