// The one entry point from the outside world (IPC, HTTP, CLI) to the services. For each call: find
// the endpoint, parse the raw input with its zod schema, run the handler, and wrap the result or
// the error in an Envelope stamped with the store's revision. A caller never sees a stack trace.
import { contract, type CallContext, type Envelope, type Handlers } from '../../shared/contract';
import { ZodError } from 'zod';
import { LedgerError, validationError } from '../../shared/contract/errors';
import { accessOf, permissionFor, permissionLabels, permissionsOf } from '../../shared/contract/permissions';

export interface DispatcherOptions {
  /** The store revision to stamp on every envelope (read after the handler ran). */
  revision: () => number;
  /**
   * Runs before the input is parsed; may refuse the call (e.g. LOCKED until the store is
   * unlocked) by returning or throwing a LedgerError.
   */
  gate?: (name: string) => LedgerError | undefined | Promise<LedgerError | undefined>;
  /**
   * Check each endpoint's permission (shared/contract/permissions.ts) against `ctx.roles`. The core
   * always does; unit tests of one service's handlers may build a dispatcher without it.
   */
  enforcePermissions?: boolean;
  /** Also parse each handler's result with the endpoint's output schema (tests turn this on). */
  checkOutput?: boolean;
  /** Where unexpected errors are logged (with their stack); stderr by default. */
  logError?: (message: string) => void;
}

export interface Dispatcher {
  call(name: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function createDispatcher(handlersOrFactory: Handlers | (() => Handlers), options: DispatcherOptions): Dispatcher {
  const handlersNow = typeof handlersOrFactory === 'function' ? handlersOrFactory : () => handlersOrFactory;
  const logError = options.logError ?? ((m: string) => process.stderr.write(m + '\n'));

  const fail = (error: LedgerError): Envelope<unknown> => ({ ok: false, error: error.toShape(), revision: safeRevision() });
  function safeRevision(): number {
    try {
      return options.revision();
    } catch {
      return 0;
    }
  }

  // Commands run one at a time, in arrival order: a service reads the state, derives ids and checks
  // uniqueness, then commits; a second command must not read the state between those steps.
  let commandQueue: Promise<unknown> = Promise.resolve();

  function call(name: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
    const isCommand = typeof name === 'string' && has(contract, name) && contract[name as keyof typeof contract].kind === 'command';
    if (!isCommand) return run(name, rawInput, ctx);
    const result = commandQueue.then(() => run(name, rawInput, ctx));
    commandQueue = result;
    return result;
  }

  async function run(name: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
    if (typeof name !== 'string' || !has(contract, name)) {
      return fail(
        new LedgerError('UNKNOWN_COMMAND', {
          zh: `未知的操作：${String(name)}`,
          en: `unknown command: ${String(name)}`,
        }),
      );
    }
    const endpoint = contract[name as keyof typeof contract];
    try {
      const refused = await options.gate?.(name);
      if (refused) return fail(refused);
      if (options.enforcePermissions) {
        const denied = permissionRefusal(name, ctx, rawInput);
        if (denied) return fail(denied);
      }
      // An endpoint whose input is an empty object may be called with no input at all.
      const parsed = endpoint.input.safeParse(rawInput === undefined ? {} : rawInput);
      if (!parsed.success) return fail(validationError(parsed.error.issues, rawInput));
      const handlers = handlersNow() as unknown as Record<string, AnyHandler>;
      const handler = has(handlers, name) ? handlers[name] : undefined;
      if (!handler) throw new Error(`no handler for ${name}`);
      let value = await handler(parsed.data, ctx);
      if (options.checkOutput) {
        const out = endpoint.output.safeParse(value);
        if (!out.success) throw new Error(`${name} returned a value that breaks its output schema: ${out.error.message}`);
        value = out.data;
      }
      return { ok: true, value, revision: safeRevision() };
    } catch (e) {
      if (e instanceof LedgerError) return fail(e);
      // A record built from a valid input still fails its record schema (a name with a control
      // character the input schema let through): the caller's input is wrong, not the code.
      if (e instanceof ZodError) return fail(validationError(e.issues, rawInput));
      logError(`[cadre-ledger] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fail(
        new LedgerError('INTERNAL', {
          zh: '内部错误，操作未完成。详细信息已写入日志。',
          en: 'Internal error: the operation did not complete. Details were written to the log.',
        }),
      );
    }
  }
  return { call };
}

/** Why `ctx` may not call `name` (undefined: it may). An endpoint missing from the table is refused. */
export function permissionRefusal(name: string, ctx: CallContext, rawInput?: unknown): LedgerError | undefined {
  const access = accessOf(name);
  if (!access) {
    return new LedgerError('FORBIDDEN', { zh: `操作 ${name} 未列入权限表，已拒绝。`, en: `${name} is not in the permission table: refused.` });
  }
  const needed = permissionFor(access, rawInput);
  if (needed === 'session') return undefined;
  const roles = ctx.roles ?? [];
  if (permissionsOf(roles).has(needed)) return undefined;
  const label = permissionLabels[needed];
  if (!roles.length) {
    return new LedgerError('UNAUTHORIZED', { zh: '请先登录。', en: 'Log in first.' });
  }
  return new LedgerError('FORBIDDEN', {
    zh: `没有权限：此操作需要“${label.zh}”（${needed}）权限，当前用户 ${ctx.user} 没有。`,
    en: `Not permitted: this needs the "${label.en}" (${needed}) permission, which ${ctx.user} does not have.`,
  });
}
