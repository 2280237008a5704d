import { z } from 'zod';
import { uuidSchema } from '../../schemas/common';
import { endSessionsForPerson } from '../../services/sessions/end-for-person';
import { adminProcedure } from '../../trpc/procedures';

const endSessionsInput = z.strictObject({ userId: uuidSchema });

export const endSessions = adminProcedure(endSessionsForPerson.access)
  .meta({
    openapi: { method: 'DELETE', path: '/users/{userId}/sessions', tags: ['users'], summary: "End every session of a person (platform admins)" },
  })
  .input(endSessionsInput)
  .output(z.object({ ended: z.number().int().meta({ description: 'How many live sessions were ended' }) }))
  .mutation(({ ctx, input }) => endSessionsForPerson(ctx.service, input));

