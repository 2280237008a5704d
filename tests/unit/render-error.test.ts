import { DrizzleQueryError } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict } from '../../server/errors/app-error';
import { GENERIC_MESSAGE, renderError } from '../../server/errors/render';

// What a failed query looks like when it reaches a door: Drizzle's wrapper (its message holds
// the SQL and parameters) around the driver's error.
const failedQuery = (cause: Error) => new DrizzleQueryError('select * from api_tokens where secret_hash = $1', ['abc123hash'], cause);
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('one rendering of errors for every door', () => {
  it('tells the caller nothing internal about an unexpected failure, and uses the request id', () => {
    const rendered = renderError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: failedQuery(driverError('division by zero', '22012')) }), 'req-1');
    expect(rendered).toEqual({ status: 500, headers: {}, body: { code: 'INTERNAL', message: GENERIC_MESSAGE, traceId: 'req-1' } });
    expect(renderError(new TypeError('x is undefined'), 'req-2').body.message).toBe(GENERIC_MESSAGE);
  });

  it('answers 503 with Retry-After when the database cannot be reached, however the driver says it', () => {
    const unreachable = [
      Object.assign(new AggregateError([driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
      failedQuery(driverError('terminating connection due to administrator command', '57P01')),
      failedQuery(driverError('the database system is starting up', '57P03')),
      failedQuery(driverError('Connection terminated unexpectedly')),
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: failedQuery(driverError('timeout exceeded when trying to connect')) }),
    ];
    for (const error of unreachable) {
      const rendered = renderError(error, 'req-3');
      expect(rendered.status, String(error)).toBe(503);
      expect(rendered.body.code).toBe('UNAVAILABLE');
      expect(rendered.headers['Retry-After']).toBe('2');
      expect(JSON.stringify(rendered.body)).not.toContain('5432');
    }
    // A query the database refused is not an outage.
    expect(renderError(failedQuery(driverError('syntax error at or near "x"', '42601')), 'req-4').status).toBe(500);
  });

  it("keeps what services and schemas say, with the request's id", () => {
    expect(renderError(new TRPCError({ code: 'CONFLICT', cause: conflict('Version 1.0.0 exists', { modelId: 'm' }) }), 'req-5')).toEqual({
      status: 409,
      headers: {},
      body: { code: 'CONFLICT', message: 'Version 1.0.0 exists', details: { modelId: 'm' }, traceId: 'req-5' },
    });
    const invalid = z.object({ name: z.string() }).safeParse({ name: 1 }).error!;
    expect(renderError(new TRPCError({ code: 'BAD_REQUEST', cause: invalid }), 'req-6').body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: { name: [expect.any(String)] } },
    });
    expect(renderError(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "x"' }), 'req-7').status).toBe(404);
  });
});
