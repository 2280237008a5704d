import { z } from 'zod';
import { DELIVERY_STATUSES, EVENT_TYPES } from '../../db/schema/vocabulary';
import { bodyBoolean, oneOf, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { principalRefSchema } from './version';

const eventTypeSchema = z.enum(EVENT_TYPES, oneOf(EVENT_TYPES));

// Where the URL may point is the server's rule (server/services/webhooks/destination.ts): it
// depends on configuration and, at delivery, on DNS.
const webhookUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters');

const webhookFields = {
  url: webhookUrlSchema,
  eventTypes: z
    .array(eventTypeSchema)
    .max(EVENT_TYPES.length)
    .transform((t) => [...new Set(t)])
    .meta({ description: 'The event types to receive; empty for all' }),
  description: z.string().trim().max(500, 'must be at most 500 characters'),
};

export const createWebhookInput = z.strictObject({
  team: teamSlugSchema.optional().meta({ description: 'Optional when the caller maintains one team only' }),
  url: webhookFields.url,
  eventTypes: webhookFields.eventTypes.default([]),
  description: webhookFields.description.optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookKeySchema = z.strictObject({ webhookId: uuidSchema });
export type WebhookKey = z.infer<typeof webhookKeySchema>;

export const updateWebhookInput = webhookKeySchema.extend({
  url: webhookFields.url.optional(),
  eventTypes: webhookFields.eventTypes.optional(),
  description: webhookFields.description.optional(),
  enabled: bodyBoolean().optional().meta({ description: 'Re-enable an endpoint disabled by a 410, or pause one' }),
}).refine((u) => ['url', 'eventTypes', 'description', 'enabled'].some((k) => k in u), 'nothing to update: send at least one of url, eventTypes, description, enabled');
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

export const listWebhooksInput = z.strictObject({ team: teamSlugSchema.optional() });
export type ListWebhooksInput = z.infer<typeof listWebhooksInput>;

export const webhookSchema = z
  .object({
    id: uuidSchema,
    team: teamSlugSchema,
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(eventTypeSchema),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    secretRotatedUntil: timestampSchema.nullable().meta({ description: 'Until then the previous secret signs too' }),
    createdBy: principalRefSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookWithSecretSchema = z
  .object({ webhook: webhookSchema, secret: z.string().meta({ description: 'The signing secret (whsec_…); shown this once only' }) })
  .meta({ id: 'WebhookSecret' });

const attemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: timestampSchema,
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
});

export const deliverySchema = z
  .object({
    id: uuidSchema,
    eventId: uuidSchema,
    eventType: z.string(),
    trigger: z.enum(['event', 'redelivery', 'test']),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.array(attemptSchema),
    nextAttemptAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    completedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type Delivery = z.infer<typeof deliverySchema>;

export const listDeliveriesInput = webhookKeySchema.extend({
  limit: z.number().int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(20),
  status: z.enum(DELIVERY_STATUSES, oneOf(DELIVERY_STATUSES)).optional(),
});
export type ListDeliveriesInput = z.infer<typeof listDeliveriesInput>;

export const redeliverInput = webhookKeySchema.extend({ eventId: uuidSchema });
export type RedeliverInput = z.infer<typeof redeliverInput>;

export const deliveryQueuedSchema = z.object({ deliveryId: uuidSchema, eventId: uuidSchema }).meta({ id: 'DeliveryQueued' });
