// Wiring shared by the credentials-prompt tests: the prompts behind the real
// IPC dispatcher and event forwarding, with every event the renderer would get.
import type { EventChannel } from '../../src/shared/ipc/contract';
import { environmentSchema, type Environment } from '../../src/shared/environments';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { forwardEvents } from '../../src/main/ipc/events';
import type { CredentialPrompts } from '../../src/main/environments/prompts/credentialPrompts';
import { createFakeServices } from '../support/fakeServices';

/** A profile-based environment, as environments.json would give it. */
export function profileEnvironment(name: string, profile: string): Environment {
  return environmentSchema.parse({
    name,
    region: 'eu-west-1',
    cluster: 'shop',
    credentials: { profile },
  });
}

/** The renderer's side of the prompts: what it was sent, and how it answers. */
export function rendererOf(prompts: CredentialPrompts) {
  const services = createFakeServices();
  services.environments.prompts = prompts;
  const received: { channel: EventChannel; payload: unknown }[] = [];
  const stop = forwardEvents(services, (channel, payload) => received.push({ channel, payload }));
  const dispatch = createDispatch(services);

  return {
    request: (channel: string, request: unknown) => dispatch(channel, request),
    /** The payloads sent on one event channel, in order. */
    events: (channel: EventChannel) =>
      received.filter((event) => event.channel === channel).map((event) => event.payload),
    stop,
  };
}
