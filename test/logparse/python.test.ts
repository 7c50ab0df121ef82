import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtureLog';

describe('vdsm (Python 2) with an unindented traceback (vdsm-py2-traceback.log)', () => {
  const { format, events } = parseFixture('python/vdsm-py2-traceback.log');

  it('assembles 16 lines into 5 records', () => {
    expect(format).toBe('vdsm');
    expect(events).toHaveLength(5);
    expect(events.map((event) => event.level)).toEqual(['info', 'error', 'debug', 'debug', 'info']);
  });

  it('joins the traceback, File lines and final error to the ERROR record', () => {
    const error = events[1];
    expect(error.lineNumber).toBe(2);
    expect(error.lineCount).toBe(12);
    expect(error.text).toContain('\nFile "/usr/share/vdsm/vdsm", line 72, in run\n');
    expect(
      error.text.endsWith(
        "libvirtError: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory",
      ),
    ).toBe(true);
  });

  it('reads thread, module, line, logger and function', () => {
    expect(events[0].fields).toEqual({
      thread: 'MainThread',
      module: 'vdsm',
      line: 71,
      logger: 'vds',
      function: 'run',
    });
    expect(events[0].message).toBe('I am the actual vdsm 4.9-0');
  });

  it('keeps timestamps that jump backwards as written', () => {
    expect(events[2].time).toBe(Date.UTC(2011, 11, 7, 11, 44, 17, 737));
    expect(events[3].time).toBe(Date.UTC(2011, 5, 23, 19, 3, 11, 607));
    expect(events[3].fields.logger).toBe('Storage.Dispatcher.Protect');
  });
});

describe('Python 3.11 logging with continued messages (py311-logging-traceback.log)', () => {
  const { format, events } = parseFixture('python/py311-logging-traceback.log');

  it('assembles 12 lines into 5 events', () => {
    expect(format).toBe('plain');
    expect(events).toHaveLength(5);
    expect(events.map((event) => event.level)).toEqual(['debug', 'info', 'warn', 'error', 'error']);
  });

  it('reads comma milliseconds as UTC and keeps non-ASCII text', () => {
    expect(events[0].time).toBe(Date.UTC(2025, 8, 26, 21, 12, 39, 384));
    expect(events[0].message).toBe('debug message: initializing demo π');
  });

  it('joins a message that continues on the next line', () => {
    expect(events[1].message).toBe('info message:\nprocessing started -- log_example.py');
    expect(events[2].message).toBe('warning message:\nlow disk space');
  });

  it('joins the traceback with its caret markers to the exception record', () => {
    const exception = events[4];
    expect(exception.lineCount).toBe(6);
    expect(exception.text).toContain('    ~~^~~');
    expect(exception.text.endsWith('ZeroDivisionError: division by zero')).toBe(true);
  });
});
