import {
  histogramRequest,
  openLogsRequest,
  recordRequest,
  searchRequest,
  sourceRequest,
  type FieldInfo,
  type Histogram,
  type LoadProgress,
  type LogRecordDetail,
  type LogSource,
  type SearchPage,
} from '../../logs';
import { emptyRequest } from './app';
import { event, request } from './declare';

/** Channels of the local log index. */
export const logsRequestChannels = {
  'logs:open': request<LogSource[]>()(openLogsRequest),
  'logs:sources': request<LogSource[]>()(emptyRequest),
  'logs:close': request<null>()(sourceRequest),
  'logs:search': request<SearchPage>()(searchRequest),
  'logs:histogram': request<Histogram>()(histogramRequest),
  'logs:record': request<LogRecordDetail>()(recordRequest),
  'logs:fields': request<FieldInfo[]>()(emptyRequest),
};

/** Events of the local log index. */
export const logsEventChannels = {
  'logs:progress': event<LoadProgress>(),
};
