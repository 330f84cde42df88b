/**
 * Contract of the `Notification` custom resource: notification settings that APIs pick up through
 * `notificationsRefs`. It has no APIM counterpart of its own; the API functions apply it.
 */
import { z } from 'zod';
import { Condition } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ConsoleNotificationSettings } from './notification/console.ts';
import { customResource } from './resource.ts';

/** Desired state of a Notification. */
export const NotificationSpec = z
  .strictObject({
    console: ConsoleNotificationSettings.default({}),
    eventType: z
      .enum(['api'])
      .default('api')
      .describe('Subject of the events; the target settings list them as <eventType>Events.'),
    target: z
      .enum(['console'])
      .default('console')
      .describe('Where notifications are delivered; the field of the same name configures it.'),
  })
  .describe('Notification settings, referenced by APIs through notificationsRefs.');

/**
 * Observed state of a Notification.
 *
 * Unlike the other kinds, GKO declares these conditions as a plain list (no list-map keyed by type,
 * no size bound), so the schema does not add those constraints either.
 */
export const NotificationStatus = z
  .strictObject({
    conditions: z
      .array(Condition)
      .default([])
      .describe('Latest observations: Accepted (usable by APIs) and ResolvedRefs (console groups resolved).'),
  })
  .describe('Observed state of the notification settings.');

/** A complete Notification resource. */
export const NotificationResource = customResource('Notification', NotificationSpec, NotificationStatus);

/** Notification spec after defaults are applied. */
export type NotificationSpec = z.infer<typeof NotificationSpec>;
/** Notification spec as written by a user (defaults not yet applied). */
export type NotificationSpecInput = z.input<typeof NotificationSpec>;
/** Notification status after defaults are applied. */
export type NotificationStatus = z.infer<typeof NotificationStatus>;
/** A Notification resource after defaults are applied. */
export type NotificationResource = z.infer<typeof NotificationResource>;
/** A Notification resource as written by a user (defaults not yet applied). */
export type NotificationResourceInput = z.input<typeof NotificationResource>;

/** The Notification kind. */
export const notificationKind = defineKind({
  kind: 'Notification',
  plural: 'notifications',
  shortNames: ['graviteenotif'],
  finalizer: 'finalizers.gravitee.io/notification',
  description: 'Notification settings (events and recipients) that APIs reference.',
  spec: NotificationSpec,
  status: NotificationStatus,
  resource: NotificationResource,
  printerColumns: [
    { name: 'Target', jsonPath: '.spec.target', type: 'string', description: 'Target' },
    { name: 'Event Type', jsonPath: '.spec.eventType', type: 'string', description: 'Event Type' },
  ],
});
