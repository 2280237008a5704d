import { z } from 'zod';
import { teamDirectory } from '../../services/teams/directory';
import { adminProcedure } from '../../trpc/procedures';

const teamSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    members: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  })
  .meta({ id: 'TeamWithMembers' });

export const directory = adminProcedure(teamDirectory.access)
  .meta({
    openapi: { method: 'GET', path: '/teams', tags: ['teams'], summary: 'Teams and members (platform admins)' },
  })
  .input(z.void())
  .output(z.object({ items: z.array(teamSchema) }))
  .query(async ({ ctx }) => ({ items: await teamDirectory(ctx.service, undefined) }));

