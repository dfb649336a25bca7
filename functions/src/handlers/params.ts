import { z } from 'zod';

/** Resource ids are UUIDs; anything else is a 404, not a 500. */
export const uuidParam = z.string().uuid({ message: '编号格式不正确' });
export const patientIdParams = z.object({ id: uuidParam });
export const accountIdParams = z.object({ id: uuidParam });
