/**
 * Listeners: how clients reach an API.
 *
 * GKO's CRD keeps listeners opaque (any object) and lets APIM validate them; this module types the
 * shapes APIM documents, discriminated by `type`, so `gso validate` catches mistakes early. Every
 * listener object stays loose (unknown keys kept) because APIM may accept fields the operator
 * does not know about, and the generated CRD still declares listeners as free-form.
 */
import { z } from 'zod';
import { freeFormObject, PRESERVE_UNKNOWN_FIELDS, stringList } from '../schema-helpers.ts';

/** Delivery guarantees an entrypoint can offer. */
export const Qos = z.enum(['NONE', 'AUTO', 'AT_MOST_ONCE', 'AT_LEAST_ONCE']);

/** Dead letter queue of an entrypoint. */
export const DeadLetterQueue = z.looseObject({
  endpoint: z.string().optional().describe('Endpoint receiving messages that could not be delivered.'),
});

/** A protocol entrypoint of a listener (http-proxy, sse, websocket, native-kafka…). */
export const Entrypoint = z.looseObject({
  type: z.string().describe('Entrypoint connector identifier.'),
  qos: Qos.default('AUTO').describe('Delivery guarantee.'),
  dlq: DeadLetterQueue.optional(),
  configuration: freeFormObject().optional().describe('Connector-specific entrypoint configuration.'),
});

/** Fields every listener type has. */
const listenerBase = {
  entrypoints: z.array(Entrypoint).describe('Entrypoints served by the listener.'),
  servers: stringList().optional().describe('Gateway server ids the listener is bound to.'),
};

/** A context path (and optional virtual host) an HTTP listener answers on. */
export const ListenerPath = z.looseObject({
  host: z.string().optional().describe('Virtual host.'),
  path: z.string().describe('Context path.'),
});

/** HTTP listener: requests are routed by virtual host and context path. */
export const HttpListener = z.looseObject({
  type: z.literal('HTTP'),
  ...listenerBase,
  paths: z.array(ListenerPath).describe('Context paths of the API.'),
  pathMappings: stringList().optional().describe('Path patterns reported separately in analytics.'),
});

/** Subscription listener: messages are pushed to subscribers (webhooks…). */
export const SubscriptionListener = z.looseObject({
  type: z.literal('SUBSCRIPTION'),
  ...listenerBase,
});

/** TCP listener: connections are routed by SNI host name. */
export const TcpListener = z.looseObject({
  type: z.literal('TCP'),
  ...listenerBase,
  hosts: stringList().describe('SNI host names.'),
});

/** Kafka listener of a native API. */
export const KafkaListener = z.looseObject({
  type: z.literal('KAFKA'),
  ...listenerBase,
  host: z.string().describe('Kafka host name exposed by the gateway.'),
  port: z.int().describe('Kafka port exposed by the gateway.'),
});

/** Any listener, selected by its `type`. */
export const Listener = z
  .discriminatedUnion('type', [HttpListener, SubscriptionListener, TcpListener, KafkaListener])
  .meta({ [PRESERVE_UNKNOWN_FIELDS]: true });

/** A listener. */
export type Listener = z.infer<typeof Listener>;
