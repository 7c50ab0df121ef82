import { EVENT_CHANNELS, type EventChannel, type PayloadOf } from '../../shared/ipc/contract';
import type { Services } from '../services';

/** Stops forwarding events. */
export type StopForwarding = () => void;

/** Subscribes to the service behind one event channel; returns how to unsubscribe. */
export type EventSource<C extends EventChannel> = (
  services: Services,
  emit: (payload: PayloadOf<C>) => void,
) => () => void;

/** Where every event channel's events come from; a missing channel fails to compile. */
export type EventSources = { [C in EventChannel]: EventSource<C> };

/** The services behind each event channel of the contract. */
export const eventSources: EventSources = {
  'env:changed': (services, emit) => services.environments.onChanged(emit),
  'env:mfaRequested': (services, emit) => services.environments.prompts.mfa.onRequested(emit),
  'env:mfaSettled': (services, emit) => services.environments.prompts.mfa.onSettled(emit),
  'env:ssoLogin': (services, emit) => services.environments.prompts.sso.onStarted(emit),
  'env:ssoLoginEnded': (services, emit) => services.environments.prompts.sso.onEnded(emit),
  'logs:progress': (services, emit) => {
    const stops = [services.logs.onProgress(emit), services.pulledSources.onProgress(emit)];
    return () => stops.forEach((stop) => stop());
  },
  'logs:pullProgress': (services, emit) => services.logPull.onProgress(emit),
  'logs:tailLines': (services, emit) => services.logTail.onLines(emit),
  'workflows:runUpdated': (services, emit) => services.workflows.onRunUpdated(emit),
  'workflows:logLines': (services, emit) => services.workflows.onLogLines(emit),
};

/**
 * Forwards every event channel's events to a transport's `send`.
 *
 * Electron sends them to each window, browser mode to each open event stream.
 */
export function forwardEvents(
  services: Services,
  send: (channel: EventChannel, payload: unknown) => void,
  sources: EventSources = eventSources,
): StopForwarding {
  const stops = EVENT_CHANNELS.map((channel) => {
    const source = sources[channel] as EventSource<EventChannel>;
    return source(services, (payload) => send(channel, payload));
  });
  return () => stops.forEach((stop) => stop());
}
