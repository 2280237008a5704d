import { z } from 'zod';
import { teamDirectory } from '../../services/teams/directory';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';

const teamSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    members: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  })
  .meta({ id: 'TeamWithMembers' });

const directory = adminProcedure
  .meta({
    openapi: { method: 'GET', path: '/teams', tags: ['teams'], summary: 'Teams and members (platform admins)' },
  })
  .input(z.void())
  .output(z.object({ items: z.array(teamSchema) }))
  .query(async ({ ctx }) => ({ items: await teamDirectory(ctx.db) }));

export const teamsRouter = router({ directory });
