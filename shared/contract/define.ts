import type { z } from 'zod';

/** A query reads; a command writes (and is journaled with who/when/what). */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'command';
  input: I;
  output: O;
}
export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Endpoint<I, O> => ({
  kind: 'query',
  input,
  output,
});
export const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Endpoint<I, O> => ({
  kind: 'command',
  input,
  output,
});
