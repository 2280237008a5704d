'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';

// The webhooks page's forms and buttons, each bound to its webhook by the page; the procedures
// check the input and that the person maintains the webhook's team.

const refresh = <T extends { ok: boolean }>(result: T) => {
  if (result.ok) revalidatePath('/webhooks');
  return result;
};

export async function createWebhookAction(input: unknown) {
  return refresh(await personAction('webhooks.create', (caller) => caller.webhooks.create(input as never)));
}

export async function sendTestAction(webhookId: string) {
  return refresh(await personAction('webhooks.test', (caller) => caller.webhooks.test({ webhookId })));
}

export async function rotateSecretAction(webhookId: string) {
  return refresh(await personAction('webhooks.rotateSecret', (caller) => caller.webhooks.rotateSecret({ webhookId })));
}

export async function setEnabledAction(webhookId: string, enabled: boolean) {
  return refresh(await personAction('webhooks.update', (caller) => caller.webhooks.update({ webhookId, enabled })));
}

export async function removeWebhookAction(webhookId: string) {
  return refresh(await personAction('webhooks.remove', (caller) => caller.webhooks.remove({ webhookId })));
}

export async function redeliverAction(webhookId: string, eventId: string) {
  return refresh(await personAction('webhooks.redeliver', (caller) => caller.webhooks.redeliver({ webhookId, eventId })));
}
